package org.ofdft.grids;

/** FFT-friendly sizes: integers whose only prime factors are 2, 3 and 5. */
public final class FftSizes {

    private FftSizes() {
    }

    /** Whether n ≥ 1 has no prime factor other than 2, 3, 5. */
    public static boolean isGood(int n) {
        if (n < 1) {
            return false;
        }
        for (int p : new int[] {2, 3, 5}) {
            while (n % p == 0) {
                n /= p;
            }
        }
        return n == 1;
    }

    /** The smallest m ≥ n whose only prime factors are 2, 3 and 5. */
    public static int nextGood(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("size must be positive, got " + n);
        }
        int m = n;
        while (!isGood(m)) {
            m++;
        }
        return m;
    }
}
