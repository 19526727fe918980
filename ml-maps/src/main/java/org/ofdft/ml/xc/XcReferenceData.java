package org.ofdft.ml.xc;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.hartree.Hartree1D;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.grids.BoxGrid1D;
import org.ofdft.grids.FiniteDifference1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.fft.JavaFftBackend;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.solver.exact1d.ExactReference;
import org.ofdft.solver.inversion.KohnShamPotential;
import org.ofdft.solver.inversion.TwoElectronInversion;
import org.ofdft.solver.ks1d.KohnSham1D;

/**
 * Exact XC targets for training, from the two sources of the project:
 * <ul>
 * <li>{@link ExactReference}s of {@code TwoElectronReferenceGenerator} (exact n, v_xc, E_xc, reliable mask);</li>
 * <li>two-electron singlet rows of a dataset in JAX-DFT's layout with exact densities and total energies,
 * e.g. the DMRG H₂ data of pedersor/DFT_1d ({@code shared/datasets/dft1d/molecules/h2}). There v_s is the
 * closed-form inversion of the density ({@link TwoElectronInversion}, 5-point stencil — the DMRG
 * Hamiltonian's) with the physical constant ε = E(2) − E(1) (E(1): the one-electron ground state in the same
 * v_ext, so v_s → 0 far away; the stored {@code exact_v_s} is the same potential pinned to 0 at the density's
 * edge instead — validation-data/dft1d/h2/README.md), and
 * <pre>
 *   v_xc = v_s − v_ext − v_H[n],   T_s = −Σ_j φ_j (Lφ)_j h (φ = √(n/2)),   E_xc = E − T_s − E_H[n] − ∫ v_ext n.
 * </pre></li>
 * </ul>
 * Point weights are n h where the target is reliable: the generator's mask, or n ≥ {@value #DATASET_DENSITY_FLOOR}
 * for datasets (their densities are quantized to 1.25e-9, so ½φ''/φ is noise where n ≲ 1e-4).
 */
public final class XcReferenceData {

    /** Densities below this (bohr⁻¹) carry no weight in the potential loss for dataset rows. */
    public static final double DATASET_DENSITY_FLOOR = 1e-4;

    private XcReferenceData() {
    }

    public static XcSample fromReference(String label, ExactReference reference, double spacing) {
        double[] n = reference.density();
        return new XcSample(label, n, reference.xcPotential(),
                XcSample.densityWeights(n, reference.reliable(), spacing), reference.xcEnergy());
    }

    public static List<XcSample> fromReferences(List<ExactReference> references, double spacing, String labelPrefix) {
        List<XcSample> samples = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            samples.add(fromReference(labelPrefix + i, references.get(i), spacing));
        }
        return samples;
    }

    /** The box grid of a dataset: its points are the interior points, the walls one spacing beyond. */
    public static BoxGrid1D gridOf(Dataset1D dataset) {
        double[] x = dataset.grid();
        double h = dataset.spacing();
        return Grid1D.box(x[0] - h, x[x.length - 1] + h, x.length);
    }

    /**
     * Targets of the given rows of a two-electron dataset (as described in the class comment).
     *
     * @param order    finite-difference order of the Hamiltonian the exact densities solve (4 for DFT_1d's DMRG)
     * @param labels   one label per row (e.g. the bond length)
     */
    public static List<XcSample> fromTwoElectronDataset(Dataset1D dataset, int[] rows, String[] labels, int order,
                                                        Interaction1D interaction) {
        BoxGrid1D grid = gridOf(dataset);
        double h = grid.spacing();
        int points = grid.size();
        TwoElectronInversion inversion = new TwoElectronInversion(grid, order);
        KohnSham1D oneElectron = new KohnSham1D(grid, order, SpinTreatment.SPINLESS, List.of(), 0);
        Hartree1D hartree = new Hartree1D(grid, interaction, new JavaFftBackend(1));
        FiniteDifference1D stencil = new FiniteDifference1D(order);
        List<XcSample> samples = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            int row = rows[r];
            if (dataset.numElectrons()[row] != 2) {
                throw new IllegalArgumentException("row " + row + " has " + dataset.numElectrons()[row]
                        + " electrons; the closed-form inversion needs a two-electron singlet");
            }
            double[] n = dataset.densities()[row];
            double[] vExt = dataset.externalPotentials()[row];
            double energy = dataset.totalEnergies()[row];
            double oneElectronEnergy = oneElectron.orbitals(vExt, 1).eigenvalues()[0];
            KohnShamPotential vs = inversion.invert(n, energy - oneElectronEnergy);
            double[] vH = new double[points];
            double hartreeEnergy = hartree.energyAndPotential(RealField.wrap(grid, n), RealField.wrap(grid, vH));
            double[] phi = new double[points];
            double[] laplacian = new double[points];
            for (int j = 0; j < points; j++) {
                phi[j] = Math.sqrt(0.5 * Math.max(n[j], 0.0));
            }
            stencil.laplacian(grid, phi, laplacian);
            double kinetic = 0;
            double external = 0;
            double[] vXc = new double[points];
            boolean[] reliable = new boolean[points];
            for (int j = 0; j < points; j++) {
                kinetic -= phi[j] * laplacian[j] * h;
                external += vExt[j] * n[j] * h;
                vXc[j] = vs.potential()[j] - vExt[j] - vH[j];
                reliable[j] = n[j] >= DATASET_DENSITY_FLOOR && vs.determined()[j];
            }
            double xcEnergy = energy - kinetic - hartreeEnergy - external;
            samples.add(new XcSample(labels[r], n, vXc, XcSample.densityWeights(n, reliable, h), xcEnergy));
        }
        return samples;
    }
}
