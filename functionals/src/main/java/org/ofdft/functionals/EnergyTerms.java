package org.ofdft.functionals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Energies (hartree) of the terms of a total functional, by name, in evaluation order, and their sum. */
public record EnergyTerms(Map<String, Double> terms, double total) {

    public EnergyTerms {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    public double term(String name) {
        Double value = terms.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no energy term '" + name + "'; terms: " + terms.keySet());
        }
        return value;
    }
}
