package org.ofdft.functionals.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ofdft.functionals.external.RadialLocalPseudopotential;

/**
 * Reads pseudopotentials in the Unified Pseudopotential Format, version 2 (Quantum ESPRESSO,
 * http://pseudopotentials.quantum-espresso.org/home/unified-pseudopotential-format): the header
 * attributes ({@code z_valence}, {@code element}, {@code pseudo_type}, …), the radial mesh
 * {@code PP_MESH/PP_R, PP_RAB} (bohr), the local potential {@code PP_LOCAL} (Ry, converted to hartree) and
 * the nonlocal projectors {@code PP_NONLOCAL/PP_BETA.i} with {@code PP_DIJ} (Ry). Projectors that vanish
 * or whose coefficients D_ij are all zero (the dummy projector of a local potential written as UPF, as in
 * the BLPS {@code al.lda.upf}) do not act; a file with acting projectors is read, and
 * {@link UpfPseudopotential#localPseudopotential()} then refuses it, naming them.
 *
 * <p>The parser looks for the tags it needs rather than validating XML (UPF files are often not
 * well-formed XML: free text in PP_INFO, Fortran number formats). Numbers may use Fortran's D exponent.
 * UPF version 1 files are refused. Errors name the file and the line.
 */
public final class UpfReader {

    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_][\\w.]*)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

    private UpfReader() {
    }

    /** Reads the file (local potential, header and projectors). */
    public static UpfPseudopotential read(Path file) throws IOException {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file.toString(), 0, "no such file", e);
        }
        return parse(file.toString(), text);
    }

    /** Reads the file and returns its local potential; refuses files with acting nonlocal projectors. */
    public static RadialLocalPseudopotential readLocal(Path file) throws IOException {
        UpfPseudopotential upf = read(file);
        if (!upf.isLocal()) {
            throw new InputFileException(file.toString(), 0, upf.nonlocalProblem());
        }
        return upf.localPseudopotential();
    }

    /** Parses UPF text; {@code source} names it in messages. */
    public static UpfPseudopotential parse(String source, String text) throws InputFileException {
        Document doc = new Document(source, text);
        if (!text.contains("<UPF")) {
            if (text.contains("<PP_HEADER>")) {
                throw doc.error(doc.lineOf(text.indexOf("<PP_HEADER>")),
                        "UPF version 1 is not supported; convert the file to UPF v2 (QE's upfconv.x -u)");
            }
            throw doc.error(1, "not a UPF file: no <UPF version=\"2...\"> tag");
        }
        Element header = doc.element("PP_HEADER", 0, true);
        Map<String, String> h = header.attributes;
        String element = h.getOrDefault("element", "").strip();
        String pseudoType = h.getOrDefault("pseudo_type", "").strip();
        String functional = h.getOrDefault("functional", "").strip();
        double z = doc.number(header, "z_valence", h.get("z_valence"));
        if (!(z > 0)) {
            throw doc.error(header.line, "z_valence must be positive, got " + z);
        }
        if (flag(h.get("is_coulomb"))) {
            throw doc.error(header.line, "is_coulomb=\"T\": a bare Coulomb potential has no local part to read");
        }
        boolean coreCorrection = flag(h.get("core_correction"));

        Element mesh = doc.element("PP_MESH", header.end, true);
        Integer meshSize = h.containsKey("mesh_size")
                ? (int) doc.number(header, "mesh_size", h.get("mesh_size")) : null;
        Element rElement = doc.element("PP_R", mesh.start, true);
        double[] r = doc.numbers(rElement, meshSize);
        double[] rab = doc.numbers(doc.element("PP_RAB", mesh.start, true), r.length);
        Element localElement = doc.element("PP_LOCAL", mesh.start, true);
        double[] local = doc.numbers(localElement, r.length);
        for (int i = 0; i < local.length; i++) {
            local[i] *= 0.5; // Ry → Ha
        }
        for (int i = 1; i < r.length; i++) {
            if (!(r[i] > r[i - 1])) {
                throw doc.error(rElement.line, "PP_R is not increasing at point " + (i + 1) + " (r = " + r[i] + ")");
            }
        }

        int projectorCount = h.containsKey("number_of_proj")
                ? (int) doc.number(header, "number_of_proj", h.get("number_of_proj")) : 0;
        List<UpfPseudopotential.Projector> projectors = new ArrayList<>();
        if (projectorCount > 0) {
            Element nonlocal = doc.element("PP_NONLOCAL", mesh.start, true);
            Element dijElement = doc.element("PP_DIJ", nonlocal.start, true);
            double[] dij = doc.numbers(dijElement, projectorCount * projectorCount);
            for (int i = 1; i <= projectorCount; i++) {
                Element beta = doc.element("PP_BETA." + i, nonlocal.start, true);
                String l = beta.attributes.get("angular_momentum");
                int angularMomentum = l == null ? -1 : (int) doc.number(beta, "angular_momentum", l);
                double[] values = doc.numbers(beta, null);
                boolean vanishing = true;
                for (double v : values) {
                    if (v != 0) {
                        vanishing = false;
                        break;
                    }
                }
                double maxD = 0;
                for (int j = 1; j <= projectorCount; j++) {
                    maxD = Math.max(maxD, Math.abs(dij[(i - 1) * projectorCount + (j - 1)]));
                    maxD = Math.max(maxD, Math.abs(dij[(j - 1) * projectorCount + (i - 1)]));
                }
                projectors.add(new UpfPseudopotential.Projector(i, angularMomentum, 0.5 * maxD, vanishing));
            }
        }
        return new UpfPseudopotential(source, element, pseudoType, functional, z, r, rab, local, projectors,
                coreCorrection);
    }

    private static boolean flag(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("t") || v.equals(".true.") || v.equals("true") || v.equals("1");
    }

    /** One tag: its attributes, the span of its content and the line of its opening tag. */
    private record Element(String name, Map<String, String> attributes, int start, int contentStart,
                           int contentEnd, int end, int line) {
    }

    /** The file's text with line lookup and tag search. */
    private static final class Document {
        private final String source;
        private final String text;
        private final int[] lineStarts;

        Document(String source, String text) {
            this.source = source;
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(int offset) {
            int index = Arrays.binarySearch(lineStarts, offset);
            return index >= 0 ? index + 1 : -index - 1;
        }

        int lastLine() {
            return text.endsWith("\n") ? lineStarts.length - 1 : lineStarts.length;
        }

        InputFileException error(int line, String problem) {
            return new InputFileException(source, line, problem);
        }

        /** The first element {@code name} at or after {@code from}. */
        Element element(String name, int from, boolean required) throws InputFileException {
            Pattern open = Pattern.compile("<" + Pattern.quote(name) + "(?=[\\s/>])([^>]*?)(/?)>");
            Matcher m = open.matcher(text);
            if (!m.find(from)) {
                if (required) {
                    throw error(lastLine(), "no <" + name + "> element (file truncated or not UPF v2?)");
                }
                return null;
            }
            int line = lineOf(m.start());
            Map<String, String> attributes = new HashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                attributes.put(a.group(1).toLowerCase(Locale.ROOT), a.group(2) != null ? a.group(2) : a.group(3));
            }
            if (!m.group(2).isEmpty()) {
                return new Element(name, attributes, m.start(), m.end(), m.end(), m.end(), line);
            }
            String closing = "</" + name + ">";
            int close = text.indexOf(closing, m.end());
            if (close < 0) {
                throw error(lastLine(), "<" + name + "> opened on line " + line + " is never closed (file truncated?)");
            }
            return new Element(name, attributes, m.start(), m.end(), close, close + closing.length(), line);
        }

        double number(Element element, String attribute, String value) throws InputFileException {
            if (value == null) {
                throw error(element.line, "<" + element.name + "> has no " + attribute + " attribute");
            }
            String v = value.strip().replace('d', 'e').replace('D', 'e');
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw error(element.line, "cannot read " + attribute + " from '" + value + "'");
            }
        }

        /**
         * The numbers in an element's content; their count must equal {@code expected} if given, else the
         * element's {@code size} attribute if present.
         */
        double[] numbers(Element element, Integer expected) throws InputFileException {
            Integer size = expected;
            if (size == null && element.attributes.containsKey("size")) {
                size = (int) number(element, "size", element.attributes.get("size"));
            }
            double[] values = new double[size != null ? size : 256];
            int count = 0;
            int i = element.contentStart;
            int end = element.contentEnd;
            while (i < end) {
                while (i < end && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= end) {
                    break;
                }
                int tokenStart = i;
                while (i < end && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                String token = text.substring(tokenStart, i);
                double value;
                try {
                    value = Double.parseDouble(token.replace('d', 'e').replace('D', 'e'));
                } catch (NumberFormatException e) {
                    throw error(lineOf(tokenStart), "cannot read value " + (count + 1) + " of <" + element.name
                            + "> from '" + token + "'");
                }
                if (!Double.isFinite(value)) {
                    throw error(lineOf(tokenStart), "value " + (count + 1) + " of <" + element.name
                            + "> is not finite: '" + token + "'");
                }
                if (count == values.length) {
                    if (size != null) {
                        throw error(lineOf(tokenStart), "<" + element.name + "> has more than the " + size
                                + " values announced");
                    }
                    values = Arrays.copyOf(values, 2 * count);
                }
                values[count++] = value;
            }
            if (size != null && count != size) {
                throw error(lineOf(end), "<" + element.name + "> (line " + element.line + ") has " + count
                        + " values, expected " + size + " (file truncated or garbled?)");
            }
            return size != null ? values : Arrays.copyOf(values, count);
        }
    }
}
