import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ofdft.functionals.external.LocalPseudopotential;
import org.ofdft.functionals.external.Structure;
import org.ofdft.functionals.io.UpfReader;
import org.ofdft.grids.Cell;
import org.ofdft.solver.ConvergenceCriteria;
import org.ofdft.solver.ks3d.KPointMesh;
import org.ofdft.solver.ks3d.KohnShamResult;
import org.ofdft.solver.ks3d.KohnShamSettings;
import org.ofdft.solver.ks3d.PlaneWaveKohnSham;
import org.ofdft.solver.ks3d.Smearing;

/**
 * Runs one Quantum ESPRESSO case of shared/validation/qe with the plane-wave Kohn–Sham solver at QE's
 * settings (read from the .in file; the FFT grid from the .out file) and prints one line:
 * case threads F_ours(Ha) F_qe(Ha) dF/atom(Ha) scf_ours scf_qe hpsi wall_ours(s) wall_qe(s) nk_ours nk_qe atoms
 * Usage: java -cp ... QeCase.java QE_DIR CASE THREADS UPF
 * Only what these inputs use is understood: ibrav 1 (sc/cubic) and 2 (fcc), celldm(1), crystal positions,
 * ecutwfc, occupations fixed/smearing (mv, gaussian, fd), degauss, K_POINTS automatic or gamma.
 */
public class QeCase {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String name = args[1];
        int threads = Integer.parseInt(args[2]);
        Path upf = Path.of(args[3]);
        String in = Files.readString(dir.resolve(name + ".in"));
        String out = Files.readString(dir.resolve(name + ".out"));
        int ibrav = (int) number(in, "ibrav");
        double a = number(in, "celldm\\(1\\)");
        double ecutRy = number(in, "ecutwfc");
        boolean fixed = in.contains("'fixed'");
        Smearing smearing = Smearing.FIXED;
        double degaussRy = 0;
        if (!fixed) {
            Matcher m = Pattern.compile("smearing\\s*=\\s*'([^']+)'").matcher(in);
            smearing = Smearing.parse(m.find() ? m.group(1) : "gaussian");
            degaussRy = number(in, "degauss");
        }
        double[][] lattice = ibrav == 2
                ? new double[][] {{-a / 2, 0, a / 2}, {0, a / 2, a / 2}, {-a / 2, a / 2, 0}}
                : new double[][] {{a, 0, 0}, {0, a, 0}, {0, 0, a}};
        Cell cell = Cell.ofBohr(lattice);
        String positions = in.substring(in.indexOf("ATOMIC_POSITIONS"));
        List<double[]> fractional = new ArrayList<>();
        for (String line : positions.split("\n")) {
            String[] t = line.trim().split("\\s+");
            if (t.length == 4 && t[0].equals("Al")) {
                fractional.add(new double[] {Double.parseDouble(t[1]), Double.parseDouble(t[2]), Double.parseDouble(t[3])});
            }
        }
        List<String> species = new ArrayList<>();
        for (int i = 0; i < fractional.size(); i++) {
            species.add("Al");
        }
        Structure structure = Structure.fromFractional(cell, species, fractional.toArray(new double[0][]));
        KPointMesh mesh = KPointMesh.gammaOnly();
        Matcher auto = Pattern.compile("K_POINTS automatic\\s+(\\d+) (\\d+) (\\d+) (\\d) (\\d) (\\d)").matcher(in);
        if (auto.find()) {
            mesh = new KPointMesh(Integer.parseInt(auto.group(1)), Integer.parseInt(auto.group(2)),
                    Integer.parseInt(auto.group(3)), Integer.parseInt(auto.group(4)), Integer.parseInt(auto.group(5)),
                    Integer.parseInt(auto.group(6)));
        }
        Matcher fft = Pattern.compile("Dense  grid:.*FFT dimensions: \\(\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)\\)").matcher(out);
        fft.find();
        Map<String, LocalPseudopotential> pps = Map.of("Al", PlaneWaveKohnSham.localPart(UpfReader.read(upf)));
        KohnShamSettings settings = KohnShamSettings.of(ecutRy / 2, mesh, smearing, degaussRy / 2)
                .withFftShape(Integer.parseInt(fft.group(1)), Integer.parseInt(fft.group(2)), Integer.parseInt(fft.group(3)))
                .withCriteria(new ConvergenceCriteria(1e-9, 1e-6, 300))
                .withThreads(threads)
                .withMixing(new KohnShamSettings.Mixing(Double.parseDouble(System.getProperty("alpha", "0.7")), Double.parseDouble(System.getProperty("kerker", "0.8")), 8));
        PlaneWaveKohnSham solver = new PlaneWaveKohnSham(structure, pps, settings);
        KohnShamResult result = solver.run(step -> System.err.printf(Locale.ROOT, "  %s scf %3d F = %.10f dF = %.2e res = %.2e%n",
                name, step.iteration(), step.energy(), step.energyChange(), step.residual()));
        double qeF = lastNumber(out, "!\\s+total energy\\s+=\\s+(-?[0-9.]+) Ry") / 2;
        int qeScf = (int) lastNumber(out, "convergence has been achieved in\\s+(\\d+) iterations");
        double qeWall = lastNumber(out, "PWSCF\\s+:.*CPU\\s+([0-9.]+)s WALL");
        int qeK = (int) lastNumber(out, "number of k points=\\s+(\\d+)");
        int atoms = structure.atomCount();
        System.out.printf(Locale.ROOT, "%s %d %.10f %.10f %.3e %d %d %d %.3f %.3f %d %d %d %s%n", name, threads,
                result.freeEnergy(), qeF, (result.freeEnergy() - qeF) / atoms, result.iterations(), qeScf,
                result.hamiltonianApplications(), result.wallSeconds(), qeWall, solver.kpoints().size(), qeK, atoms,
                result.converged());
    }

    private static double number(String text, String key) {
        Matcher m = Pattern.compile(key + "\\s*=\\s*([-0-9.eEdD]+)").matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + key);
        }
        return Double.parseDouble(m.group(1).replace('d', 'e').replace('D', 'e'));
    }

    private static double lastNumber(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        double value = Double.NaN;
        while (m.find()) {
            value = Double.parseDouble(m.group(1));
        }
        return value;
    }
}
