package org.ofdft.ml.hk;

import java.util.Map;
import org.ofdft.functionals.external.Ewald;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.LocalPseudopotentialFunctional;
import org.ofdft.functionals.external.Structure;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.solver.ks3d.KohnShamResult;
import org.ofdft.solver.ks3d.KohnShamSettings;
import org.ofdft.solver.ks3d.PlaneWaveKohnSham;

/**
 * Kohn–Sham references for a 3D Hohenberg–Kohn map: each configuration solved with plane-wave Kohn–Sham
 * ({@link PlaneWaveKohnSham}: LDA, local pseudopotentials, the settings' cutoff, k-mesh and smearing) on the
 * settings' FFT grid. Per configuration: V_loc(r) on that grid, the density, the free energy F (Ewald
 * included; for metals the smeared F = E − TS that the SCF minimizes), and the Ewald energy.
 */
public final class KohnShamConfigurations {

    private final Map<String, ? extends LocalPseudopotential> pseudopotentials;
    private final KohnShamSettings settings;

    public KohnShamConfigurations(Map<String, ? extends LocalPseudopotential> pseudopotentials,
                                  KohnShamSettings settings) {
        this.pseudopotentials = pseudopotentials;
        this.settings = settings;
    }

    /** The FFT grid the calculations of {@code structure}'s cell use. */
    public Grid3D grid(Structure structure) {
        return new PlaneWaveKohnSham(structure, pseudopotentials, settings).grid();
    }

    /** One Kohn–Sham ground state; throws if the SCF does not converge. */
    public RattledConfigurations.Reference solve(Structure structure) {
        PlaneWaveKohnSham kohnSham = new PlaneWaveKohnSham(structure, pseudopotentials, settings);
        KohnShamResult result = kohnSham.run(step -> { });
        if (!result.converged()) {
            throw new IllegalStateException("Kohn-Sham SCF did not converge in " + result.history().size()
                    + " iterations for a configuration of " + structure.atomCount() + " atoms");
        }
        Grid3D grid = kohnSham.grid();
        double[] potential;
        try (JavaFftBackend backend = new JavaFftBackend(1);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            potential = new LocalPseudopotentialFunctional(operators, structure, pseudopotentials).localPotential()
                    .values().clone();
        }
        return new RattledConfigurations.Reference(potential, result.density().values().clone(),
                result.freeEnergy(), Ewald.ofPseudopotentials(structure, pseudopotentials).energy(),
                kohnSham.electrons());
    }
}
