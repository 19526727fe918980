package org.ofdft.ml.regression;

/**
 * The polynomial kernel k(x, x') = (γ x·x' + c₀)^p, scikit-learn's {@code polynomial} with
 * {@code gamma}, {@code coef0}, {@code degree}. ∂k/∂x = p γ (γ x·x' + c₀)^(p−1) x'.
 */
public record PolynomialKernel(int degree, double gamma, double coef0) implements Kernel {

    public PolynomialKernel {
        if (degree < 1) {
            throw new IllegalArgumentException("polynomial kernel degree must be ≥ 1, got " + degree);
        }
        InputChecks.requirePositive(gamma, "polynomial kernel γ");
        InputChecks.requireNonNegative(coef0, "polynomial kernel c₀");
    }

    @Override
    public double value(double[] a, int aOffset, double[] b, int bOffset, int d) {
        return power(gamma * dot(a, aOffset, b, bOffset, d) + coef0, degree);
    }

    @Override
    public double valueAndAddGradient(double[] x, double[] b, int bOffset, double weight, double[] gradient) {
        int d = x.length;
        double base = gamma * dot(x, 0, b, bOffset, d) + coef0;
        double derivative = weight * degree * gamma * power(base, degree - 1);
        for (int i = 0; i < d; i++) {
            gradient[i] += derivative * b[bOffset + i];
        }
        return power(base, degree);
    }

    private static double dot(double[] a, int aOffset, double[] b, int bOffset, int d) {
        double sum = 0;
        for (int k = 0; k < d; k++) {
            sum += a[aOffset + k] * b[bOffset + k];
        }
        return sum;
    }

    private static double power(double base, int exponent) {
        double result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
