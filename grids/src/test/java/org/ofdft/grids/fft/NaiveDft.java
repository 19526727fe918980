package org.ofdft.grids.fft;

/** O(N²) reference DFT of a real 3D array, returning the half spectrum in the RealFft3D layout. */
final class NaiveDft {

    private NaiveDft() {
    }

    static double[] forward(double[] f, int n1, int n2, int n3) {
        int h3 = n3 / 2 + 1;
        double[] out = new double[2 * n1 * n2 * h3];
        for (int k1 = 0; k1 < n1; k1++) {
            for (int k2 = 0; k2 < n2; k2++) {
                for (int k3 = 0; k3 < h3; k3++) {
                    double re = 0;
                    double im = 0;
                    for (int i1 = 0; i1 < n1; i1++) {
                        for (int i2 = 0; i2 < n2; i2++) {
                            for (int i3 = 0; i3 < n3; i3++) {
                                double phase = -2 * Math.PI * ((double) k1 * i1 / n1 + (double) k2 * i2 / n2
                                        + (double) k3 * i3 / n3);
                                double v = f[(i1 * n2 + i2) * n3 + i3];
                                re += v * Math.cos(phase);
                                im += v * Math.sin(phase);
                            }
                        }
                    }
                    int at = 2 * ((k1 * n2 + k2) * h3 + k3);
                    out[at] = re;
                    out[at + 1] = im;
                }
            }
        }
        return out;
    }
}
