package org.ofdft.functionals.io;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.functionals.external.RadialLocalPseudopotential;

/**
 * The contents of a UPF v2 pseudopotential file that matter here, in Hartree atomic units: header data,
 * the radial mesh, the local potential and the nonlocal projectors with their coefficients D_ij.
 *
 * @param source        the file
 * @param element       chemical symbol from the header
 * @param pseudoType    header {@code pseudo_type} (NC, SL, US, PAW, …)
 * @param functional    header {@code functional} (as written; it can be wrong, e.g. al.lda.upf says PBE)
 * @param valenceCharge header {@code z_valence}
 * @param radii         PP_R (bohr)
 * @param rab           PP_RAB (bohr)
 * @param localPotential PP_LOCAL converted from Ry to hartree
 * @param projectors    PP_BETA.i with angular momentum and whether the projector acts at all
 * @param coreCorrection header {@code core_correction} (nonlinear core correction present)
 */
public record UpfPseudopotential(String source, String element, String pseudoType, String functional,
                                 double valenceCharge, double[] radii, double[] rab, double[] localPotential,
                                 List<Projector> projectors, boolean coreCorrection) {

    /**
     * One nonlocal projector β_i.
     *
     * @param index            i (1-based, as PP_BETA.i)
     * @param angularMomentum  l
     * @param maxCoefficient   max_j |D_ij| in hartree (PP_DIJ is in Ry)
     * @param vanishing        whether β_i is zero on the whole mesh
     */
    public record Projector(int index, int angularMomentum, double maxCoefficient, boolean vanishing) {

        /** A projector acts unless it, or all its coefficients D_ij, vanish (dummy projectors of local potentials). */
        public boolean active() {
            return !vanishing && maxCoefficient != 0;
        }
    }

    public UpfPseudopotential {
        radii = radii.clone();
        rab = rab.clone();
        localPotential = localPotential.clone();
        projectors = List.copyOf(projectors);
    }

    @Override
    public double[] radii() {
        return radii.clone();
    }

    @Override
    public double[] rab() {
        return rab.clone();
    }

    @Override
    public double[] localPotential() {
        return localPotential.clone();
    }

    /** The projectors that act: β ≠ 0 with some D_ij ≠ 0. */
    public List<Projector> activeProjectors() {
        List<Projector> active = new ArrayList<>();
        for (Projector p : projectors) {
            if (p.active()) {
                active.add(p);
            }
        }
        return active;
    }

    /** True if no projector acts: the pseudopotential is purely local (a dummy projector with D = 0 is local). */
    public boolean isLocal() {
        return activeProjectors().isEmpty();
    }

    /**
     * The local part as a form factor (radial Fourier transform with the erf-split Coulomb tail).
     *
     * @throws IllegalStateException if nonlocal projectors act: only local pseudopotentials are supported
     *     (use {@link #localPartIgnoringProjectors()} to take V_loc alone deliberately)
     */
    public RadialLocalPseudopotential localPseudopotential() {
        if (!isLocal()) {
            throw new IllegalStateException(source + ": " + nonlocalProblem());
        }
        return localPartIgnoringProjectors();
    }

    /** "has nonlocal projectors PP_BETA.1 (l = 0, max |D| = … Ha), …; only local …" (for messages). */
    String nonlocalProblem() {
        StringBuilder list = new StringBuilder();
        for (Projector p : activeProjectors()) {
            list.append(list.length() == 0 ? "" : ", ").append("PP_BETA.").append(p.index()).append(" (l = ")
                    .append(p.angularMomentum()).append(", max |D| = ").append(p.maxCoefficient()).append(" Ha)");
        }
        return "has nonlocal projectors " + list + "; only local pseudopotentials are supported";
    }

    /** The local part V_loc alone, even if nonlocal projectors act. */
    public RadialLocalPseudopotential localPartIgnoringProjectors() {
        return new RadialLocalPseudopotential(source, valenceCharge, radii, rab, localPotential);
    }
}
