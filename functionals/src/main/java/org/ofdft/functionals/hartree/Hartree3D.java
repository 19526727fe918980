package org.ofdft.functionals.hartree;

import org.ofdft.functionals.DensityChecks;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.simd.ArrayMath;

/**
 * Hartree energy of a periodic density, E_H = ½∫∫ n(r)n(r')/|r−r'| = ½ ∫ v_H n, with v_H from the
 * Poisson equation −∇²v_H = 4π n solved in Fourier space, v_H(G) = 4π n(G)/|G|², G = 0 dropped (the
 * average density is compensated by the ions' background: Ewald's convention, as in every plane-wave
 * code). One FFT pair per call.
 */
public final class Hartree3D implements DensityFunctional {

    private final SpectralOperators operators;
    private final double[] hartreePotential;

    public Hartree3D(SpectralOperators operators) {
        if (!(operators.grid() instanceof Grid3D)) {
            throw new IllegalArgumentException("Hartree3D needs a 3D grid, got " + operators.grid());
        }
        this.operators = operators;
        this.hartreePotential = new double[operators.grid().size()];
    }

    @Override
    public String name() {
        return "hartree";
    }

    @Override
    public Grid grid() {
        return operators.grid();
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        requireGrid(density, "density");
        requireGrid(potential, "potential");
        double[] n = density.values();
        operators.solvePoisson(n, hartreePotential);
        double[] v = potential == null ? null : potential.values();
        double sum = operators.parallel().sum(n.length, (from, to, worker) -> {
            if (v != null) {
                for (int j = from; j < to; j++) {
                    v[j] += hartreePotential[j];
                }
            }
            return ArrayMath.dot(hartreePotential, n, from, to);
        });
        if (!Double.isFinite(sum)) {
            DensityChecks.requireFinite(name(), n);      // a NaN or infinite density spreads to every v_H: say so
        }
        return 0.5 * sum * grid().volumeElement();
    }
}
