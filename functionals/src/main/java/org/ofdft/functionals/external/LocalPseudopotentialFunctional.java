package org.ofdft.functionals.external;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;
import org.ofdft.grids.ReciprocalGrid;
import org.ofdft.grids.SpectralOperators;

/**
 * The electron–ion energy of local pseudopotentials, E[n] = ∫ V_loc(r) n(r) dr, δE/δn = V_loc, with
 * <pre>
 *   V_loc(r) = (1/Ω) Σ_G Σ_s v_s(|G|) S_s(G) e^{iG·r},   S_s(G) = Σ_{a ∈ s} e^{−iG·R_a}
 * </pre>
 * built once on the grid's G vectors (the exact structure factor; DFTpy's default B-spline "PME" structure
 * factor agrees with it to all printed digits for perfect crystals) and transformed back with one inverse
 * FFT: the half-spectrum array holds F(G) = (N/Ω) Σ_s v_s S_s so that the backend's
 * f(r) = (1/N) Σ_G F(G) e^{iG·r} is V_loc. The G = 0 term is Σ_atoms α_s/Ω with α the non-Coulomb limit of
 * {@link LocalPseudopotential#formFactor} (the −4πZ/q² divergence cancels against the Hartree and Ewald
 * G = 0 terms of a neutral cell), as in DFTpy and Quantum ESPRESSO.
 *
 * <p>G vectors follow {@link ReciprocalGrid}: Miller indices m = i for i ≤ (n−1)/2 and i − n above on the
 * first two axes, m₃ = k₃ ≥ 0 on the halved last axis (NumPy's fftfreq/rfftfreq, as DFTpy). Phases are
 * computed from fractional coordinates, G·R = 2π Σ_i m_i s_i. On Nyquist planes of even axes the
 * half-spectrum entry stands for two G whose partner is not −G; the real inverse transform keeps the real
 * part there, as NumPy's {@code irfftn} does.
 *
 * <p>Immutable after construction (the operators are used only in the constructor).
 */
public final class LocalPseudopotentialFunctional implements DensityFunctional {

    public static final String NAME = "local_pseudopotential";

    private final Structure structure;
    private final Map<String, LocalPseudopotential> pseudopotentials;
    private final FixedPotential energy;

    /**
     * @param operators        spectral operators (FFT plan) of the grid the functional is bound to
     * @param structure        the atoms; its cell must be the grid's cell
     * @param pseudopotentials a local pseudopotential for every species of the structure
     */
    public LocalPseudopotentialFunctional(SpectralOperators operators, Structure structure,
                                          Map<String, ? extends LocalPseudopotential> pseudopotentials) {
        if (!(operators.grid() instanceof Grid3D grid)) {
            throw new IllegalArgumentException("local pseudopotentials need a 3D grid, got " + operators.grid());
        }
        requireSameCell(grid.cell(), structure.cell());
        Map<String, LocalPseudopotential> bySpecies = new LinkedHashMap<>();
        for (String species : structure.speciesCounts().keySet()) {
            LocalPseudopotential pp = pseudopotentials.get(species);
            if (pp == null) {
                throw new IllegalArgumentException("no local pseudopotential for species '" + species
                        + "'; given for: " + pseudopotentials.keySet());
            }
            bySpecies.put(species, pp);
        }
        this.structure = structure;
        this.pseudopotentials = Map.copyOf(bySpecies);
        double[] spectrum = ionicSpectrum(grid, structure, bySpecies);
        RealField localPotential = RealField.zeros(grid);
        operators.plan().inverse(spectrum, localPotential.values());
        this.energy = new FixedPotential(NAME, localPotential);
    }

    /**
     * F(G) = (N/Ω) Σ_s v_s(|G|) S_s(G) on the half spectrum, interleaved (re, im).
     */
    private static double[] ionicSpectrum(Grid3D grid, Structure structure,
                                          Map<String, LocalPseudopotential> bySpecies) {
        ReciprocalGrid reciprocal = grid.reciprocal();
        int n1 = grid.n1();
        int n2 = grid.n2();
        int h3 = reciprocal.halfLength();
        double[] g2 = reciprocal.g2();
        double[] spectrum = new double[2 * reciprocal.size()];
        double[] formFactor = new double[g2.length];
        double[] structureFactor = new double[2 * g2.length];
        double scale = grid.size() / grid.cell().volume();
        for (Map.Entry<String, LocalPseudopotential> entry : bySpecies.entrySet()) {
            LocalPseudopotential pp = entry.getValue();
            for (int e = 0; e < g2.length; e++) {
                formFactor[e] = pp.formFactor(Math.sqrt(g2[e]));
            }
            java.util.Arrays.fill(structureFactor, 0.0);
            for (int atom : structure.atomsOf(entry.getKey())) {
                double[] s = grid.cell().toFractional(structure.position(atom));
                addPhases(structureFactor, s, n1, n2, h3);
            }
            for (int e = 0; e < g2.length; e++) {
                spectrum[2 * e] += scale * formFactor[e] * structureFactor[2 * e];
                spectrum[2 * e + 1] += scale * formFactor[e] * structureFactor[2 * e + 1];
            }
        }
        return spectrum;
    }

    /** S(G) += e^{−iG·R} = e^{−2πi(m₁s₁ + m₂s₂ + m₃s₃)}, as products of per-axis phase factors. */
    private static void addPhases(double[] structureFactor, double[] s, int n1, int n2, int h3) {
        double[][] axis1 = axisPhases(s[0], n1, true);
        double[][] axis2 = axisPhases(s[1], n2, true);
        double[][] axis3 = axisPhases(s[2], h3, false);
        int e = 0;
        for (int i1 = 0; i1 < n1; i1++) {
            for (int i2 = 0; i2 < n2; i2++) {
                double re12 = axis1[0][i1] * axis2[0][i2] - axis1[1][i1] * axis2[1][i2];
                double im12 = axis1[0][i1] * axis2[1][i2] + axis1[1][i1] * axis2[0][i2];
                for (int k3 = 0; k3 < h3; k3++, e++) {
                    structureFactor[2 * e] += re12 * axis3[0][k3] - im12 * axis3[1][k3];
                    structureFactor[2 * e + 1] += re12 * axis3[1][k3] + im12 * axis3[0][k3];
                }
            }
        }
    }

    /** cos and sin of −2π m s for the Miller indices m of one axis (NumPy fftfreq order if {@code full}). */
    private static double[][] axisPhases(double s, int length, boolean full) {
        double[][] phases = new double[2][length];
        for (int i = 0; i < length; i++) {
            int m = (full && i > (length - 1) / 2) ? i - length : i;
            // reduce m·s modulo 1 before multiplying by 2π, for accuracy at large m
            double turns = m * s;
            turns -= Math.rint(turns);
            double angle = -2 * Math.PI * turns;
            phases[0][i] = Math.cos(angle);
            phases[1][i] = Math.sin(angle);
        }
        return phases;
    }

    private static void requireSameCell(Cell gridCell, Cell structureCell) {
        for (int i = 0; i < 3; i++) {
            double[] a = gridCell.latticeVector(i);
            double[] b = structureCell.latticeVector(i);
            double tolerance = 1e-10 * gridCell.length(i);
            for (int k = 0; k < 3; k++) {
                if (Math.abs(a[k] - b[k]) > tolerance) {
                    throw new IllegalArgumentException("the structure's cell " + structureCell
                            + " is not the grid's cell " + gridCell);
                }
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Grid grid() {
        return energy.grid();
    }

    @Override
    public double energyAndPotential(RealField density, RealField potential) {
        return energy.energyAndPotential(density, potential);
    }

    /** V_loc(r) in hartree (a copy). */
    public RealField localPotential() {
        return energy.potential();
    }

    /** The structure the potential was built for. */
    public Structure structure() {
        return structure;
    }

    /** The pseudopotential of every species of the structure. */
    public Map<String, LocalPseudopotential> pseudopotentials() {
        return pseudopotentials;
    }

    /** Σ_atoms Z_s: the number of valence electrons of the neutral cell. */
    public double valenceElectrons() {
        double total = 0;
        for (int i = 0; i < structure.atomCount(); i++) {
            total += pseudopotentials.get(structure.speciesOf(i)).valenceCharge();
        }
        return total;
    }

    /** The cell average of V_loc, (1/Ω) Σ_atoms α_s (hartree): the G = 0 term. */
    public double averagePotential() {
        double total = 0;
        for (int i = 0; i < structure.atomCount(); i++) {
            total += pseudopotentials.get(structure.speciesOf(i)).nonCoulombIntegral();
        }
        return total / structure.cell().volume();
    }
}
