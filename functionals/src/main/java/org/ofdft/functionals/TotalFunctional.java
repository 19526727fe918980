package org.ofdft.functionals;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ofdft.grids.Grid;
import org.ofdft.grids.RealField;

/**
 * A sum of functionals on one grid, plus a density-independent constant (e.g. the ion–ion energy).
 * The potential of every term accumulates into the same buffer.
 */
public final class TotalFunctional implements DensityFunctional {

    private final Grid grid;
    private final List<DensityFunctional> terms;
    private final Map<String, Double> constants;

    public TotalFunctional(List<DensityFunctional> terms, Map<String, Double> constants) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a total functional needs at least one term");
        }
        this.grid = terms.get(0).grid();
        Set<String> names = new HashSet<>();
        for (DensityFunctional term : terms) {
            if (!term.grid().equals(grid)) {
                throw new IllegalArgumentException("term " + term.name() + " is bound to " + term.grid()
                        + ", the first term to " + grid);
            }
            if (!names.add(term.name())) {
                throw new IllegalArgumentException("two terms are named '" + term.name() + "'");
            }
        }
        for (String name : constants.keySet()) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("constant '" + name + "' has the name of another term");
            }
        }
        this.terms = List.copyOf(terms);
        this.constants = new LinkedHashMap<>(constants);
    }

    public TotalFunctional(List<DensityFunctional> terms) {
        this(terms, Map.of());
    }

    @Override
    public String name() {
        return "total";
    }

    @Override
    public Grid grid() {
        return grid;
    }

    public List<DensityFunctional> terms() {
        return terms;
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        double total = 0;
        for (DensityFunctional term : terms) {
            total += term.energyAndPotential(density, potential);
        }
        for (double constant : constants.values()) {
            total += constant;
        }
        return total;
    }

    /** Every term's energy by name (constants included), and the potential added to {@code potential}. */
    public EnergyTerms energyTerms(RealField density, RealField potential) {
        Map<String, Double> energies = new LinkedHashMap<>();
        double total = 0;
        for (DensityFunctional term : terms) {
            double energy = term.energyAndPotential(density, potential);
            energies.put(term.name(), energy);
            total += energy;
        }
        for (Map.Entry<String, Double> constant : constants.entrySet()) {
            energies.put(constant.getKey(), constant.getValue());
            total += constant.getValue();
        }
        return new EnergyTerms(energies, total);
    }
}
