package org.ofdft.grids.fft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The radix-2/3/4/5 and odd-prime butterflies of {@link BatchedComplexFft} written with the JDK's vector API
 * ({@code jdk.incubator.vector}), which compiles them to SIMD instructions (AVX2/AVX-512). The data stay
 * interleaved (re, im): sums and differences of complex numbers are lane-wise, and a product with a
 * complex constant w is v·Re w + swap(v)·(∓Im w) with swap exchanging the two lanes of each complex
 * number. Used for a stage only when its contiguous run of doubles is a multiple of the vector length.
 * This class is loaded only when the module is present; see {@link BatchedComplexFft#vectorApiAvailable()}.
 *
 * <p>Each butterfly method stays small enough for C2 to inline every vector operation: a vector operation
 * that is not inlined falls back to slow boxed code (radix 5 is therefore split in two loops).
 */
final class VectorButterflies {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Exchanges re and im of every complex number in a vector. */
    private static final VectorShuffle<Double> SWAP = VectorShuffle.fromOp(SPECIES, lane -> lane ^ 1);
    /** −1 on real lanes, +1 on imaginary lanes. */
    private static final DoubleVector ALTERNATING =
            DoubleVector.fromArray(SPECIES, alternating(SPECIES.length()), 0);

    private static final double SIN_60 = Math.sqrt(3.0) / 2.0;
    private static final double COS_72 = Math.cos(2 * Math.PI / 5);
    private static final double COS_144 = Math.cos(4 * Math.PI / 5);
    private static final double SIN_72 = Math.sin(2 * Math.PI / 5);
    private static final double SIN_144 = Math.sin(4 * Math.PI / 5);

    private VectorButterflies() {
    }

    private static double[] alternating(int lanes) {
        double[] signs = new double[lanes];
        for (int lane = 0; lane < lanes; lane++) {
            signs[lane] = (lane & 1) == 0 ? -1.0 : 1.0;
        }
        return signs;
    }

    /** Doubles per vector. */
    static int lanes() {
        return SPECIES.length();
    }

    private static DoubleVector load(double[] a, int offset) {
        return DoubleVector.fromArray(SPECIES, a, offset);
    }

    /** v·w for the complex constant w = wr + i·wi, given wiSigned = ALTERNATING·wi. */
    private static DoubleVector rotate(DoubleVector v, double wr, DoubleVector wiSigned) {
        return v.mul(wr).add(v.rearrange(SWAP).mul(wiSigned));
    }

    /** i·c·v for real c: (re, im) → (−c·im, c·re). */
    private static DoubleVector timesI(DoubleVector v, DoubleVector cSigned) {
        return v.rearrange(SWAP).mul(cSigned);
    }

    static void radix2(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        for (int p = 0; p < m; p++) {
            double wr = tw[2 * p];
            DoubleVector wi = ALTERNATING.mul(sign * tw[2 * p + 1]);
            int in0 = width * p;
            int in1 = width * (p + m);
            int out0 = width * (2 * p);
            int out1 = out0 + width;
            for (int q = 0; q < width; q += lanes) {
                DoubleVector a = load(x, in0 + q);
                DoubleVector b = load(x, in1 + q);
                a.add(b).intoArray(y, out0 + q);
                rotate(a.sub(b), wr, wi).intoArray(y, out1 + q);
            }
        }
    }

    static void radix3(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        // Y1,2 = a0 − s/2 ∓ i·sign·sin60·d
        DoubleVector minusISin60 = ALTERNATING.mul(-sign * SIN_60);
        for (int p = 0; p < m; p++) {
            double w1r = tw[4 * p];
            DoubleVector w1i = ALTERNATING.mul(sign * tw[4 * p + 1]);
            double w2r = tw[4 * p + 2];
            DoubleVector w2i = ALTERNATING.mul(sign * tw[4 * p + 3]);
            int in0 = width * p;
            int in1 = width * (p + m);
            int in2 = width * (p + 2 * m);
            int out0 = width * (3 * p);
            int out1 = out0 + width;
            int out2 = out1 + width;
            for (int q = 0; q < width; q += lanes) {
                DoubleVector a0 = load(x, in0 + q);
                DoubleVector a1 = load(x, in1 + q);
                DoubleVector a2 = load(x, in2 + q);
                DoubleVector s = a1.add(a2);
                DoubleVector rotated = timesI(a1.sub(a2), minusISin60);
                DoubleVector mid = a0.sub(s.mul(0.5));
                a0.add(s).intoArray(y, out0 + q);
                rotate(mid.add(rotated), w1r, w1i).intoArray(y, out1 + q);
                rotate(mid.sub(rotated), w2r, w2i).intoArray(y, out2 + q);
            }
        }
    }

    static void radix4(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        // t3 = (a1 − a3)·(−i·sign)
        DoubleVector minusI = ALTERNATING.mul(-sign);
        for (int p = 0; p < m; p++) {
            double w1r = tw[6 * p];
            DoubleVector w1i = ALTERNATING.mul(sign * tw[6 * p + 1]);
            double w2r = tw[6 * p + 2];
            DoubleVector w2i = ALTERNATING.mul(sign * tw[6 * p + 3]);
            double w3r = tw[6 * p + 4];
            DoubleVector w3i = ALTERNATING.mul(sign * tw[6 * p + 5]);
            int in0 = width * p;
            int in1 = width * (p + m);
            int in2 = width * (p + 2 * m);
            int in3 = width * (p + 3 * m);
            int out0 = width * (4 * p);
            int out1 = out0 + width;
            int out2 = out1 + width;
            int out3 = out2 + width;
            for (int q = 0; q < width; q += lanes) {
                DoubleVector a0 = load(x, in0 + q);
                DoubleVector a1 = load(x, in1 + q);
                DoubleVector a2 = load(x, in2 + q);
                DoubleVector a3 = load(x, in3 + q);
                DoubleVector t0 = a0.add(a2);
                DoubleVector t1 = a0.sub(a2);
                DoubleVector t2 = a1.add(a3);
                DoubleVector t3 = timesI(a1.sub(a3), minusI);
                t0.add(t2).intoArray(y, out0 + q);
                rotate(t1.add(t3), w1r, w1i).intoArray(y, out1 + q);
                rotate(t0.sub(t2), w2r, w2i).intoArray(y, out2 + q);
                rotate(t1.sub(t3), w3r, w3i).intoArray(y, out3 + q);
            }
        }
    }

    static void radix5(double[] x, double[] y, int m, int run, double[] tw, double sign) {
        for (int p = 0; p < m; p++) {
            radix5Outer(x, y, m, run, tw, sign, p);
            radix5Inner(x, y, m, run, tw, sign, p);
        }
    }

    /** Y0 and Y1,4 = c1 ∓ i·e1 with c1 = a0 + cos72·b1 + cos144·b2, e1 = sign·(sin72·d1 + sin144·d2). */
    private static void radix5Outer(double[] x, double[] y, int m, int run, double[] tw, double sign, int p) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        DoubleVector minusI = ALTERNATING.mul(-sign);
        int t = 8 * p;
        double w1r = tw[t];
        DoubleVector w1i = ALTERNATING.mul(sign * tw[t + 1]);
        double w4r = tw[t + 6];
        DoubleVector w4i = ALTERNATING.mul(sign * tw[t + 7]);
        int in0 = width * p;
        int in1 = width * (p + m);
        int in2 = width * (p + 2 * m);
        int in3 = width * (p + 3 * m);
        int in4 = width * (p + 4 * m);
        int out0 = width * (5 * p);
        int out1 = out0 + width;
        int out4 = out0 + 4 * width;
        for (int q = 0; q < width; q += lanes) {
            DoubleVector a0 = load(x, in0 + q);
            DoubleVector a1 = load(x, in1 + q);
            DoubleVector a2 = load(x, in2 + q);
            DoubleVector a3 = load(x, in3 + q);
            DoubleVector a4 = load(x, in4 + q);
            DoubleVector b1 = a1.add(a4);
            DoubleVector b2 = a2.add(a3);
            a0.add(b1).add(b2).intoArray(y, out0 + q);
            DoubleVector c1 = a0.add(b1.mul(COS_72)).add(b2.mul(COS_144));
            DoubleVector e1 = timesI(a1.sub(a4).mul(SIN_72).add(a2.sub(a3).mul(SIN_144)), minusI);
            rotate(c1.add(e1), w1r, w1i).intoArray(y, out1 + q);
            rotate(c1.sub(e1), w4r, w4i).intoArray(y, out4 + q);
        }
    }

    /** Y2,3 = c2 ∓ i·e2 with c2 = a0 + cos144·b1 + cos72·b2, e2 = sign·(sin144·d1 − sin72·d2). */
    private static void radix5Inner(double[] x, double[] y, int m, int run, double[] tw, double sign, int p) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        DoubleVector minusI = ALTERNATING.mul(-sign);
        int t = 8 * p;
        double w2r = tw[t + 2];
        DoubleVector w2i = ALTERNATING.mul(sign * tw[t + 3]);
        double w3r = tw[t + 4];
        DoubleVector w3i = ALTERNATING.mul(sign * tw[t + 5]);
        int in0 = width * p;
        int in1 = width * (p + m);
        int in2 = width * (p + 2 * m);
        int in3 = width * (p + 3 * m);
        int in4 = width * (p + 4 * m);
        int out2 = width * (5 * p) + 2 * width;
        int out3 = out2 + width;
        for (int q = 0; q < width; q += lanes) {
            DoubleVector a0 = load(x, in0 + q);
            DoubleVector a1 = load(x, in1 + q);
            DoubleVector a2 = load(x, in2 + q);
            DoubleVector a3 = load(x, in3 + q);
            DoubleVector a4 = load(x, in4 + q);
            DoubleVector c2 = a0.add(a1.add(a4).mul(COS_144)).add(a2.add(a3).mul(COS_72));
            DoubleVector e2 = timesI(a1.sub(a4).mul(SIN_144).sub(a2.sub(a3).mul(SIN_72)), minusI);
            rotate(c2.add(e2), w2r, w2i).intoArray(y, out2 + q);
            rotate(c2.sub(e2), w3r, w3i).intoArray(y, out3 + q);
        }
    }

    /**
     * Odd prime radix P (7, 11, … up to {@link BatchedComplexFft#MAX_GENERIC_RADIX}), outputs k and P − k
     * in pairs as in {@link BatchedComplexFft#oddPrime}: c_k = a_0 + Σ_j cos θ·(a_j + a_(P−j)),
     * e_k = ±Σ_j sin θ·(a_j − a_(P−j)), Y_k = c_k − i·e_k, Y_(P−k) = c_k + i·e_k, then the twiddles.
     */
    static void oddPrime(double[] x, double[] y, int radix, int m, int run, double[] tw, double[] trig,
                         double sign) {
        int half = (radix - 1) / 2;
        for (int p = 0; p < m; p++) {
            oddPrimeZero(x, y, radix, m, run, p);
            for (int k = 1; k <= half; k++) {
                oddPrimePair(x, y, radix, m, run, tw, trig, sign, p, k);
            }
        }
    }

    /** Y_0 = Σ_j a_j. */
    private static void oddPrimeZero(double[] x, double[] y, int radix, int m, int run, int p) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        int in0 = width * p;
        int inStride = width * m;
        int out0 = width * (radix * p);
        for (int q = 0; q < width; q += lanes) {
            DoubleVector sum = load(x, in0 + q);
            for (int j = 1; j < radix; j++) {
                sum = sum.add(load(x, in0 + j * inStride + q));
            }
            sum.intoArray(y, out0 + q);
        }
    }

    /** Y_k and Y_(P−k) of one p. */
    private static void oddPrimePair(double[] x, double[] y, int radix, int m, int run, double[] tw,
                                     double[] trig, double sign, int p, int k) {
        int lanes = SPECIES.length();
        int width = 2 * run;
        int half = (radix - 1) / 2;
        int in0 = width * p;
        int inStride = width * m;
        int out0 = width * (radix * p);
        int tk = 2 * (p * (radix - 1) + k - 1);
        int tn = 2 * (p * (radix - 1) + radix - k - 1);
        double wkr = tw[tk];
        DoubleVector wki = ALTERNATING.mul(sign * tw[tk + 1]);
        double wnr = tw[tn];
        DoubleVector wni = ALTERNATING.mul(sign * tw[tn + 1]);
        DoubleVector minusI = ALTERNATING.mul(-1.0);
        int outK = out0 + width * k;
        int outN = out0 + width * (radix - k);
        int row = 2 * (k - 1) * half;
        for (int q = 0; q < width; q += lanes) {
            DoubleVector c = load(x, in0 + q);
            DoubleVector e = DoubleVector.zero(SPECIES);
            for (int j = 1; j <= half; j++) {
                DoubleVector a = load(x, in0 + j * inStride + q);
                DoubleVector b = load(x, in0 + (radix - j) * inStride + q);
                c = c.add(a.add(b).mul(trig[row + 2 * (j - 1)]));
                e = e.add(a.sub(b).mul(sign * trig[row + 2 * (j - 1) + 1]));
            }
            DoubleVector minusIe = timesI(e, minusI);
            rotate(c.add(minusIe), wkr, wki).intoArray(y, outK + q);
            rotate(c.sub(minusIe), wnr, wni).intoArray(y, outN + q);
        }
    }
}
