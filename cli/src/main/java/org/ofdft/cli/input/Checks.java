package org.ofdft.cli.input;

import java.util.List;

/** Validation of input values with messages that say which key is wrong and what would be right. */
public final class Checks {

    private Checks() {
    }

    /** {@code value}, or {@code fallback} when absent; must be one of {@code valid}. */
    public static String choice(String value, String fallback, String key, List<String> valid) {
        String chosen = value == null ? fallback : value;
        if (chosen == null) {
            throw new InputException("missing key " + key + "; valid values: " + String.join(", ", valid));
        }
        if (!valid.contains(chosen)) {
            throw new InputException("invalid value '" + chosen + "' for " + key + "; valid values: "
                    + String.join(", ", valid));
        }
        return chosen;
    }

    public static <T> T required(T value, String key) {
        if (value == null) {
            throw new InputException("missing key " + key);
        }
        return value;
    }

    public static double positive(Double value, String key) {
        double v = required(value, key);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InputException(key + " must be a positive number, got " + v);
        }
        return v;
    }

    public static int positiveInteger(Integer value, String key) {
        int v = required(value, key);
        if (v <= 0) {
            throw new InputException(key + " must be a positive integer, got " + v);
        }
        return v;
    }

    public static double[] numbers(List<Double> values, String key) {
        List<Double> list = required(values, key);
        double[] array = new double[list.size()];
        for (int i = 0; i < array.length; i++) {
            Double v = list.get(i);
            if (v == null || !Double.isFinite(v)) {
                throw new InputException(key + "[" + i + "] must be a finite number, got " + v);
            }
            array[i] = v;
        }
        return array;
    }

    public static double orDefault(Double value, double fallback) {
        return value == null ? fallback : value;
    }

    public static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
