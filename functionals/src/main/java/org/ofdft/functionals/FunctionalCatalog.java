package org.ofdft.functionals;

import java.util.List;
import org.ofdft.functionals.kinetic.LuoKarasievTrickey;
import org.ofdft.functionals.kinetic.ThomasFermi;
import org.ofdft.functionals.kinetic.VonWeizsacker;
import org.ofdft.functionals.kinetic.WangTeter;
import org.ofdft.functionals.xc.GgaFunctional;
import org.ofdft.functionals.xc.LdaFunctional;
import org.ofdft.grids.Grid;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Laplacian;
import org.ofdft.grids.PeriodicGrid;
import org.ofdft.grids.SpectralOperators;
import org.ofdft.grids.fft.ParallelRange;

/**
 * Kinetic and exchange–correlation functionals by the names used in input files. An unknown name is an
 * error that lists the valid ones. Each name gives the list of terms it stands for, so that every term's
 * energy is reported on its own (e.g. {@code wt} → thomas_fermi, von_weizsacker, wang_teter).
 */
public final class FunctionalCatalog {

    /** Kinetic functionals: Thomas–Fermi, von Weizsäcker, TF + vW, Wang–Teter (TF + vW + nonlocal), LKT. */
    public static final List<String> KINETIC = List.of("tf", "vw", "tfvw", "wt", "lkt");
    /** Exchange–correlation functionals. */
    public static final List<String> EXCHANGE_CORRELATION =
            List.of("none", "lda", "lda_pz81", "lda_pw92", "pbe", "lda_1d_exponential", "lda_1d_soft_coulomb");

    private FunctionalCatalog() {
    }

    /**
     * What a functional needs besides its name: the grid, the spectral operators of a periodic grid (null on
     * a 1D box), the finite-difference order of the Laplacian on a box, how many electrons share an orbital,
     * and the electron count (for Wang–Teter's reference density N/V).
     */
    public record Context(Grid grid, SpectralOperators operators, int finiteDifferenceOrder, SpinTreatment spin,
                          double electrons) {

        public Context {
            if (grid instanceof PeriodicGrid && operators == null) {
                throw new IllegalArgumentException("a periodic grid needs spectral operators");
            }
        }

        Laplacian laplacian() {
            if (operators != null) {
                return Laplacian.spectral(operators);
            }
            return Laplacian.finiteDifference((Grid1D) grid, finiteDifferenceOrder);
        }

        /** The FFT backend's workers on a periodic grid, one thread on a box. */
        ParallelRange parallel() {
            return operators != null ? operators.parallel() : ParallelRange.serial();
        }

        SpectralOperators operators3D(String name) {
            if (grid.dimension() != 3) {
                throw new IllegalArgumentException("functional '" + name + "' is defined for 3D cells only; the grid is "
                        + grid);
            }
            return operators;
        }
    }

    /** The terms of the kinetic functional {@code name}. */
    public static List<DensityFunctional> kinetic(String name, Context context) {
        return switch (name) {
            case "tf" -> List.of(new ThomasFermi(context.grid(), context.spin(), context.parallel()));
            case "vw" -> List.of(new VonWeizsacker(context.laplacian(), 1.0));
            case "tfvw" -> List.of(new ThomasFermi(context.grid(), context.spin(), context.parallel()),
                    new VonWeizsacker(context.laplacian(), 1.0));
            case "wt" -> WangTeter.total(context.operators3D(name), context.electrons() / context.grid().measure())
                    .terms();
            case "lkt" -> List.of(new LuoKarasievTrickey(context.operators3D(name)));
            default -> throw unknown("kinetic", name, KINETIC);
        };
    }

    /** The exchange–correlation term of {@code name} (an empty list for {@code none}). */
    public static List<DensityFunctional> exchangeCorrelation(String name, Context context) {
        Grid grid = context.grid();
        return switch (name) {
            case "none" -> List.of();
            case "lda", "lda_pz81" -> List.of(requireDimension(name, 3,
                    LdaFunctional.slaterPz81(grid, context.parallel())));
            case "lda_pw92" -> List.of(requireDimension(name, 3, LdaFunctional.slaterPw92(grid, context.parallel())));
            case "pbe" -> List.of(GgaFunctional.pbe(context.operators3D(name)));
            case "lda_1d_exponential" -> List.of(LdaFunctional.exponential1D(grid));
            case "lda_1d_soft_coulomb" -> List.of(LdaFunctional.softCoulomb1D(grid));
            default -> throw unknown("exchange-correlation", name, EXCHANGE_CORRELATION);
        };
    }

    private static DensityFunctional requireDimension(String name, int dimension, DensityFunctional functional) {
        if (functional.grid().dimension() != dimension) {
            throw new IllegalArgumentException("functional '" + name + "' is " + dimension + "D; the grid is "
                    + functional.grid());
        }
        return functional;
    }

    private static IllegalArgumentException unknown(String kind, String name, List<String> valid) {
        return new IllegalArgumentException("unknown " + kind + " functional '" + name + "'; valid names: "
                + String.join(", ", valid));
    }
}
