package org.ofdft.cli.input;

import java.util.ArrayList;
import java.util.List;
import org.ofdft.functionals.DensityFunctional;
import org.ofdft.functionals.FunctionalCatalog;
import org.ofdft.functionals.SpinTreatment;
import org.ofdft.functionals.hartree.Hartree1D;
import org.ofdft.functionals.hartree.Interaction1D;
import org.ofdft.functionals.model1d.ModelPotentials1D;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.PeriodicGrid;
import org.ofdft.grids.RealField;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.FftBackend;

/**
 * A 1D model system built from an input file: the grid, the external potential (and, for nuclei, their
 * mutual repulsion, null otherwise), the electron count and spin treatment, and the electron–electron
 * interaction terms (Hartree and exchange–correlation).
 */
public record Model1D(Grid1D grid, int stencilOrder, RealField externalPotential, Double nuclearRepulsion,
                      double electrons, SpinTreatment spin, String interactionName, List<DensityFunctional> interaction,
                      String xcName, FunctionalCatalog.Context context) {

    public static final List<String> BOUNDARIES = List.of("box", "periodic");
    public static final List<String> EXTERNAL_TYPES = List.of("gaussian_wells", "nuclei", "harmonic", "none");
    public static final List<String> INTERACTIONS = List.of("none", "soft_coulomb", "exponential");
    public static final List<String> SPINS = List.of("unpolarized", "spinless");

    public static Model1D build(ScfInput input, java.nio.file.Path inputDirectory, FftBackend backend) {
        ScfInput.Calculation calculation = Checks.required(input.calculation(), "[calculation]");
        double electrons = Checks.positive(calculation.electrons(), "calculation.electrons");
        SpinTreatment spin = Checks.choice(calculation.spin(), "unpolarized", "calculation.spin", SPINS)
                .equals("spinless") ? SpinTreatment.SPINLESS : SpinTreatment.UNPOLARIZED;

        ScfInput.Grid gridInput = Checks.required(input.grid(), "[grid]");
        String boundary = Checks.choice(gridInput.boundary(), "box", "grid.boundary", BOUNDARIES);
        double start = Checks.required(gridInput.start(), "grid.start");
        double end = Checks.required(gridInput.end(), "grid.end");
        if (!(end > start)) {
            throw new InputException("grid.end (" + end + ") must be larger than grid.start (" + start + ")");
        }
        int points = Checks.positiveInteger(gridInput.points(), "grid.points");
        int order = Checks.orDefault(gridInput.stencilOrder(), 4);
        if (order != 2 && order != 4 && order != 6) {
            throw new InputException("grid.stencil_order must be 2, 4 or 6, got " + order);
        }
        if (gridInput.shape() != null || gridInput.cutoffHa() != null || gridInput.cutoffEv() != null) {
            throw new InputException("grid.shape, grid.cutoff_ha and grid.cutoff_ev are for 3D cells; a 1D grid takes "
                    + "boundary, start, end, points, stencil_order");
        }
        Grid1D grid = boundary.equals("box") ? Grid1D.box(start, end, points) : Grid1D.periodic(start, end - start, points);

        ScfInput.Functionals functionals = input.functionals() == null
                ? new ScfInput.Functionals(null, null, null, null, null) : input.functionals();
        String interactionName = Checks.choice(functionals.interaction(), "none", "functionals.interaction", INTERACTIONS);
        Interaction1D interaction = switch (interactionName) {
            case "soft_coulomb" -> Interaction1D.softCoulomb();
            case "exponential" -> Interaction1D.exponential();
            default -> null;
        };
        // Nuclei attract electrons (and repel each other) through the electron–electron interaction; with
        // none, through soft-Coulomb.
        Interaction1D nuclearInteraction = interaction != null ? interaction : Interaction1D.softCoulomb();
        RealField external = externalPotential(input.external(), grid, nuclearInteraction);
        Double nuclearRepulsion = null;
        if (input.external() != null && "nuclei".equals(input.external().type())) {
            nuclearRepulsion = ModelPotentials1D.nuclearRepulsion(
                    Checks.numbers(input.external().charges(), "external.charges"),
                    Checks.numbers(input.external().positions(), "external.positions"), nuclearInteraction);
        }

        SpectralOperators operators = grid instanceof PeriodicGrid periodic ? new SpectralOperators(periodic, backend) : null;
        FunctionalCatalog.Context context = new FunctionalCatalog.Context(grid, operators, order, spin, electrons);
        String xcName = functionals.xc() == null ? "none" : functionals.xc();
        List<DensityFunctional> terms = new ArrayList<>();
        if (interaction != null) {
            terms.add(new Hartree1D(grid, interaction, backend));
            if (xcName.equals("nn")) {
                terms.add(neuralExchangeCorrelation(functionals, inputDirectory, grid, interaction));
            } else {
                requireMatchingXc(xcName, interactionName);
                terms.addAll(FunctionalCatalog.exchangeCorrelation(xcName, context));
            }
        } else if (!xcName.equals("none")) {
            throw new InputException("functionals.xc = '" + xcName + "' needs an electron-electron interaction; set "
                    + "functionals.interaction to soft_coulomb or exponential");
        }
        return new Model1D(grid, order, external, nuclearRepulsion, electrons, spin, interactionName, terms, xcName,
                context);
    }

    /** {@code xc = "nn"}: a neural XC model file ({@code xc_model}), refused on another spacing or interaction. */
    private static DensityFunctional neuralExchangeCorrelation(ScfInput.Functionals functionals,
                                                               java.nio.file.Path inputDirectory, Grid1D grid,
                                                               Interaction1D interaction) {
        java.nio.file.Path file = inputDirectory.resolve(Checks.required(functionals.xcModel(), "functionals.xc_model"));
        try {
            org.ofdft.ml.xc.XcModel model = org.ofdft.ml.xc.XcModelFile.read(file);
            return model.kind() == org.ofdft.ml.xc.XcModelKind.ENERGY
                    ? new org.ofdft.ml.xc.EnergyXcFunctional(model, grid, interaction, false)
                    : new org.ofdft.ml.xc.PotentialXcFunctional(model, grid, interaction, false);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new InputException("functionals.xc_model: " + e.getMessage(), e);
        }
    }

    private static void requireMatchingXc(String xc, String interaction) {
        boolean exponentialLda = xc.equals("lda_1d_exponential");
        boolean softCoulombLda = xc.equals("lda_1d_soft_coulomb");
        if ((exponentialLda && !interaction.equals("exponential")) || (softCoulombLda && !interaction.equals("soft_coulomb"))) {
            throw new InputException("functionals.xc = '" + xc + "' is the LDA of another interaction than '"
                    + interaction + "'");
        }
    }

    private static RealField externalPotential(ScfInput.External external, Grid1D grid, Interaction1D nuclearInteraction) {
        if (external == null) {
            return RealField.zeros(grid);
        }
        String type = Checks.choice(external.type(), null, "external.type", EXTERNAL_TYPES);
        return switch (type) {
            case "gaussian_wells" -> ModelPotentials1D.gaussianWells(grid, Checks.numbers(external.depths(), "external.depths"),
                    Checks.numbers(external.centres(), "external.centres"), Checks.numbers(external.widths(), "external.widths"));
            case "nuclei" -> ModelPotentials1D.nuclei(grid, Checks.numbers(external.charges(), "external.charges"),
                    Checks.numbers(external.positions(), "external.positions"), nuclearInteraction);
            case "harmonic" -> ModelPotentials1D.harmonic(grid, Checks.positive(external.omega(), "external.omega"),
                    Checks.orDefault(external.centre(), 0.0));
            default -> RealField.zeros(grid);
        };
    }
}
