package org.ofdft.ml.descriptors;

/**
 * Real spherical harmonics Y_lm(d̂) of the direction of a vector d, l = 0 … l_max, and their gradients
 * with respect to d. Index of (l, m), m = −l … l: {@code l² + l + m}. Orthonormal on the sphere, no
 * Condon–Shortley phase:
 * <pre>
 *   Y_l0  = √((2l+1)/4π) P_l(cos θ)
 *   Y_lm  = √2 N_lm P_l^m(cos θ) cos(mφ),   Y_l,−m = √2 N_lm P_l^m(cos θ) sin(mφ),   m > 0,
 *   N_lm  = √((2l+1)/4π · (l−m)!/(l+m)!),   P_l^m(z) = (1 − z²)^{m/2} d^m P_l/dz^m
 * </pre>
 * Evaluated as homogeneous polynomials (regular solid harmonics) S_lm(x, y, z) = r^l Y_lm:
 * P_l^m(cos θ) r^l (cos mφ, sin mφ) sin^m θ … = Π_l^m(z, r²) · (A_m, B_m) with A_m + i B_m = (x + i y)^m and
 * Π_m^m = (2m−1)!!, Π_{m+1}^m = (2m+1) z Π_m^m,
 * Π_l^m = [(2l−1) z Π_{l−1}^m − (l+m−1) r² Π_{l−2}^m] / (l−m) (the Legendre recurrence). The gradient of
 * Y_lm(d/|d|) follows from Euler's relation for a homogeneous polynomial of degree l:
 * ∇_d Y_lm = (∇S_lm(u) − l S_lm(u) u) / |d| at u = d/|d|.
 */
public final class RealSphericalHarmonics {

    private final int lMax;
    private final double[] normalization; // index l² + l + m for m ≥ 0: √((2l+1)/4π) or √2 N_lm
    // scratch (one instance per thread)
    private final double[] cosPart;
    private final double[] sinPart;
    private final double[] legendre;      // Π_l^m at index l² + l + m (m ≥ 0)
    private final double[] legendreDz;    // ∂Π/∂z
    private final double[] legendreDr2;   // ∂Π/∂(r²)

    public RealSphericalHarmonics(int lMax) {
        if (lMax < 0 || lMax > 40) {
            throw new IllegalArgumentException("l_max must be in 0..40, got " + lMax);
        }
        this.lMax = lMax;
        int size = (lMax + 1) * (lMax + 1);
        normalization = new double[size];
        for (int l = 0; l <= lMax; l++) {
            double ratio = 1; // (l−m)!/(l+m)!
            for (int m = 0; m <= l; m++) {
                if (m > 0) {
                    ratio /= (double) (l + m) * (l - m + 1);
                }
                double n = Math.sqrt((2 * l + 1) / (4 * Math.PI) * ratio);
                normalization[l * l + l + m] = m == 0 ? n : Math.sqrt(2) * n;
            }
        }
        cosPart = new double[lMax + 1];
        sinPart = new double[lMax + 1];
        legendre = new double[size];
        legendreDz = new double[size];
        legendreDr2 = new double[size];
    }

    public int lMax() {
        return lMax;
    }

    /** Number of (l, m) pairs: (l_max + 1)². */
    public int size() {
        return (lMax + 1) * (lMax + 1);
    }

    /**
     * Y_lm(d̂) into {@code values[l² + l + m]} and, if {@code gradient} is not null, ∂Y_lm/∂d_k into
     * {@code gradient[3 (l² + l + m) + k]}; d must be non-zero.
     */
    public void evaluate(double dx, double dy, double dz, double[] values, double[] gradient) {
        double length = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double x = dx / length;
        double y = dy / length;
        double z = dz / length;
        // A_m + i B_m = (x + i y)^m
        cosPart[0] = 1;
        sinPart[0] = 0;
        for (int m = 1; m <= lMax; m++) {
            cosPart[m] = x * cosPart[m - 1] - y * sinPart[m - 1];
            sinPart[m] = x * sinPart[m - 1] + y * cosPart[m - 1];
        }
        double r2 = 1; // at the unit vector; derivatives keep r² as a variable
        double diagonal = 1; // (2m−1)!!
        for (int m = 0; m <= lMax; m++) {
            if (m > 0) {
                diagonal *= 2 * m - 1;
            }
            int mm = m * m + 2 * m; // index of (l = m, m)
            legendre[mm] = diagonal;
            legendreDz[mm] = 0;
            legendreDr2[mm] = 0;
            if (m + 1 <= lMax) {
                int at = (m + 1) * (m + 1) + (m + 1) + m;
                legendre[at] = (2 * m + 1) * z * diagonal;
                legendreDz[at] = (2 * m + 1) * diagonal;
                legendreDr2[at] = 0;
            }
            for (int l = m + 2; l <= lMax; l++) {
                int at = l * l + l + m;
                int p1 = (l - 1) * (l - 1) + (l - 1) + m;
                int p2 = (l - 2) * (l - 2) + (l - 2) + m;
                double inv = 1.0 / (l - m);
                double a = 2 * l - 1;
                double b = l + m - 1;
                legendre[at] = (a * z * legendre[p1] - b * r2 * legendre[p2]) * inv;
                legendreDz[at] = (a * (legendre[p1] + z * legendreDz[p1]) - b * r2 * legendreDz[p2]) * inv;
                legendreDr2[at] = (a * z * legendreDr2[p1] - b * (legendre[p2] + r2 * legendreDr2[p2])) * inv;
            }
        }
        for (int l = 0; l <= lMax; l++) {
            int center = l * l + l;
            for (int m = 0; m <= l; m++) {
                double norm = normalization[center + m];
                double pi = legendre[center + m];
                double cosine = norm * pi * cosPart[m];
                values[center + m] = cosine;
                if (m > 0) {
                    values[center - m] = norm * pi * sinPart[m];
                }
                if (gradient == null) {
                    continue;
                }
                // ∇Π = ∂Π/∂z ẑ + ∂Π/∂(r²) · 2u ;  ∇A_m = m (A_{m−1}, −B_{m−1}, 0),  ∇B_m = m (B_{m−1}, A_{m−1}, 0)
                double dz2 = legendreDr2[center + m] * 2;
                double gpx = dz2 * x;
                double gpy = dz2 * y;
                double gpz = dz2 * z + legendreDz[center + m];
                double ca = cosPart[m];
                double sa = sinPart[m];
                double dAx = m > 0 ? m * cosPart[m - 1] : 0;
                double dAy = m > 0 ? -m * sinPart[m - 1] : 0;
                double dBx = m > 0 ? m * sinPart[m - 1] : 0;
                double dBy = m > 0 ? m * cosPart[m - 1] : 0;
                project(gradient, 3 * (center + m), norm * (gpx * ca + pi * dAx), norm * (gpy * ca + pi * dAy),
                        norm * gpz * ca, l, cosine, x, y, z, length);
                if (m > 0) {
                    project(gradient, 3 * (center - m), norm * (gpx * sa + pi * dBx), norm * (gpy * sa + pi * dBy),
                            norm * gpz * sa, l, values[center - m], x, y, z, length);
                }
            }
        }
    }

    /** ∇_d Y = (∇S(u) − l S(u) u) / |d|. */
    private static void project(double[] gradient, int at, double gx, double gy, double gz, int l, double value,
            double x, double y, double z, double length) {
        gradient[at] = (gx - l * value * x) / length;
        gradient[at + 1] = (gy - l * value * y) / length;
        gradient[at + 2] = (gz - l * value * z) / length;
    }
}
