package org.ofdft.solver.ks3d;

import org.ofdft.functionals.EnergyTerms;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.JavaFftBackend;

/**
 * The Kohn–Sham kinetic energy T_s next to orbital-free kinetic functionals evaluated on the same (Kohn–Sham)
 * density: the baseline a machine-learned kinetic functional has to beat. All on the Kohn–Sham FFT grid;
 * Wang–Teter with α = β = 5/6 and n₀ = N/Ω (DFTpy's {@code WT}); vW with λ = 1 and the spectral Laplacian of
 * √n.
 *
 * @param kohnSham                 T_s = Σ_k w_k Σ_n f_nk ⟨ψ_nk|−½∇²|ψ_nk⟩ (hartree)
 * @param thomasFermi              T_TF[n]
 * @param vonWeizsacker            T_vW[n]
 * @param thomasFermiVonWeizsacker T_TF + T_vW
 * @param wangTeter                T_TF + T_vW + T_WT,NL (the full Wang–Teter functional)
 */
public record KineticEnergyComparison(double kohnSham, double thomasFermi, double vonWeizsacker,
                                      double thomasFermiVonWeizsacker, double wangTeter) {

    /** The orbital-free kinetic energies of the result's density. */
    public static KineticEnergyComparison of(KohnShamResult result) {
        RealField density = result.density();
        Grid3D grid = (Grid3D) density.grid();
        try (JavaFftBackend backend = new JavaFftBackend(1);
             SpectralOperators operators = new SpectralOperators(grid, backend)) {
            double tf = new ThomasFermi(grid, SpinTreatment.UNPOLARIZED).energy(density);
            double vw = new VonWeizsacker(Laplacian.spectral(operators), 1.0).energy(density);
            double electrons = density.integral();
            EnergyTerms wt = WangTeter.total(operators, electrons / grid.measure()).energyTerms(density, null);
            return new KineticEnergyComparison(result.kineticEnergy(), tf, vw, tf + vw, wt.total());
        }
    }
}
