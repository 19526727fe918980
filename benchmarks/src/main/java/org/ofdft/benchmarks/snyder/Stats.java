package org.ofdft.benchmarks.snyder;

/** Mean, standard deviation and maximum of |error| in kcal/mol from errors in hartree. */
record Stats(double mae, double std, double max) {

    static final double KCAL = 627.509;

    static Stats of(double[] errorsHartree) {
        double mean = 0;
        double max = 0;
        for (double e : errorsHartree) {
            mean += Math.abs(e) * KCAL / errorsHartree.length;
            max = Math.max(max, Math.abs(e) * KCAL);
        }
        double variance = 0;
        for (double e : errorsHartree) {
            double d = Math.abs(e) * KCAL - mean;
            variance += d * d / errorsHartree.length;
        }
        return new Stats(mean, Math.sqrt(variance), max);
    }
}
