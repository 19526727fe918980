package org.ofdft.grids.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Reading and writing NumPy's {@code .npy} (format versions 1–3) and {@code .npz} archives, so arrays
 * and datasets move freely between this code and Python. Read: little- and big-endian float64, float32,
 * int64, int32, int16, int8, uint8, bool and unicode ({@code U}) arrays in C order. Write: float64,
 * int64, bool and unicode, little-endian, C order, format 1.0. Writes go to a temporary file that is then moved into place, so
 * no half-written file is ever left.
 *
 * <p>Format: the 6-byte magic {@code \x93NUMPY}, version bytes, a header length (2 bytes in v1, 4 in
 * v2/v3), then a Python dict literal with 'descr', 'fortran_order' and 'shape', padded with spaces to a
 * multiple of 64 bytes and ended by a newline (NumPy's NEP 1, "A simple file format for NumPy arrays").
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /** Reads one {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such .npy file: " + file);
        }
        return parse(Files.readAllBytes(file), file.toString());
    }

    /** Reads every array of an {@code .npz} archive, by name without the {@code .npy} suffix. */
    public static Map<String, NpyArray> readArchive(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such .npz file: " + file);
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (!name.endsWith(".npy")) {
                    continue;
                }
                arrays.put(name.substring(0, name.length() - 4), parse(zip.readAllBytes(), file + ":" + name));
            }
        }
        if (arrays.isEmpty()) {
            throw new IOException(file + " contains no .npy arrays (is it an .npz archive?)");
        }
        return arrays;
    }

    /** Reads every {@code .npy} file of a directory (JAX-DFT's dataset layout), by file name without suffix. */
    public static Map<String, NpyArray> readDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("no such dataset directory: " + directory);
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        try (var stream = Files.list(directory)) {
            stream.filter(p -> p.getFileName().toString().endsWith(".npy")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            arrays.put(name.substring(0, name.length() - 4), read(file));
        }
        if (arrays.isEmpty()) {
            throw new IOException(directory + " contains no .npy files");
        }
        return arrays;
    }

    /** Writes an array to {@code file} (temporary file, then an atomic move); see {@link #encode}. */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFile.write(file, out -> out.write(encode(array)));
    }

    /** Writes arrays as an {@code .npz} archive (uncompressed, as {@code numpy.savez}). */
    public static void writeArchive(Path file, Map<String, NpyArray> arrays) throws IOException {
        AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                    zip.putNextEntry(new ZipEntry(entry.getKey() + ".npy"));
                    zip.write(encode(entry.getValue()));
                    zip.closeEntry();
                }
            }
        });
    }

    /**
     * Writes arrays as a directory of {@code NAME.npy} files (JAX-DFT's dataset layout), replacing the
     * directory atomically (see {@link AtomicFile#writeDirectory}).
     */
    public static void writeDirectory(Path directory, Map<String, NpyArray> arrays) throws IOException {
        AtomicFile.writeDirectory(directory, temporary -> {
            for (Map.Entry<String, NpyArray> entry : arrays.entrySet()) {
                Files.write(temporary.resolve(entry.getKey() + ".npy"), encode(entry.getValue()));
            }
        });
    }

    /**
     * The bytes of a {@code .npy} file (format 1.0, C order, little-endian) holding {@code array}: floating
     * arrays as float64 ({@code <f8}), integer arrays (any width, signed or not) as int64 ({@code <i8}),
     * booleans as {@code |b1}, strings as {@code <U} of the longest string's width.
     */
    public static byte[] encode(NpyArray array) {
        int[] shape = array.shape();
        StringBuilder shapeText = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            shapeText.append(shape[i]).append(shape.length == 1 ? "," : (i + 1 < shape.length ? ", " : ""));
        }
        shapeText.append(')');
        String type = array.dtype().substring(1);
        int stringWidth = 1;
        if (!array.isNumeric()) {
            for (String text : array.strings()) {
                stringWidth = Math.max(stringWidth, text.codePointCount(0, text.length()));
            }
        }
        String descr = !array.isNumeric() ? "<U" + stringWidth
                : type.startsWith("i") || type.startsWith("u") ? "<i8"
                : type.equals("b1") ? "|b1" : "<f8";
        int itemSize = !array.isNumeric() ? 4 * stringWidth : descr.equals("|b1") ? 1 : 8;
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 4 + header.length() + itemSize * array.size())
                .order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        buffer.put(header.getBytes(StandardCharsets.US_ASCII));
        if (!array.isNumeric()) {
            for (String text : array.strings()) {
                int written = 0;
                for (int codePoint : text.codePoints().toArray()) {
                    buffer.putInt(codePoint);
                    written++;
                }
                for (; written < stringWidth; written++) {
                    buffer.putInt(0);
                }
            }
        } else if (descr.equals("<i8")) {
            for (double v : array.values()) {
                buffer.putLong((long) v);
            }
        } else if (descr.equals("|b1")) {
            for (double v : array.values()) {
                buffer.put((byte) (v != 0 ? 1 : 0));
            }
        } else {
            for (double v : array.values()) {
                buffer.putDouble(v);
            }
        }
        return buffer.array();
    }

    /** Parses the bytes of a {@code .npy} file; {@code source} names it in error messages. */
    public static NpyArray parse(byte[] bytes, String source) throws IOException {
        if (bytes.length < 10) {
            throw new IOException(source + ": too short for a .npy file (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IOException(source + ": not a .npy file (bad magic string)");
            }
        }
        int major = bytes[6];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLength = buffer.getInt(8);
            headerStart = 12;
        } else {
            throw new IOException(source + ": unsupported .npy format version " + major);
        }
        if (headerStart + headerLength > bytes.length) {
            throw new IOException(source + ": truncated header");
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, source, "descr");
        if (group(ORDER, header, source, "fortran_order").equals("True")) {
            throw new IOException(source + ": Fortran-ordered arrays are not supported; save with C order");
        }
        String shapeText = group(SHAPE, header, source, "shape").trim();
        List<Integer> dimensions = new ArrayList<>();
        for (String part : shapeText.split(",")) {
            if (!part.isBlank()) {
                dimensions.add(Integer.parseInt(part.trim()));
            }
        }
        int[] shape = dimensions.stream().mapToInt(Integer::intValue).toArray();
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        int dataStart = headerStart + headerLength;
        return decode(bytes, dataStart, descr, shape, (int) count, source);
    }

    private static NpyArray decode(byte[] bytes, int start, String descr, int[] shape, int count, String source)
            throws IOException {
        char order = descr.charAt(0);
        ByteOrder byteOrder = order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String type = descr.substring(1);
        ByteBuffer data = ByteBuffer.wrap(bytes, start, bytes.length - start).slice().order(byteOrder);
        if (type.startsWith("U")) {
            int width = Integer.parseInt(type.substring(1));
            requireBytes(data, (long) count * width * 4, source, descr);
            String[] strings = new String[count];
            for (int i = 0; i < count; i++) {
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < width; c++) {
                    int codePoint = data.getInt((i * width + c) * 4);
                    if (codePoint != 0) {
                        text.appendCodePoint(codePoint);
                    }
                }
                strings[i] = text.toString();
            }
            return new NpyArray(descr, shape, null, strings);
        }
        int itemSize = switch (type) {
            case "f8", "i8", "u8" -> 8;
            case "f4", "i4", "u4" -> 4;
            case "i2", "u2" -> 2;
            case "i1", "u1", "b1" -> 1;
            default -> throw new IOException(source + ": unsupported dtype '" + descr + "'");
        };
        requireBytes(data, (long) count * itemSize, source, descr);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            int at = i * itemSize;
            values[i] = switch (type) {
                case "f8" -> data.getDouble(at);
                case "f4" -> data.getFloat(at);
                case "i8" -> data.getLong(at);
                case "u8" -> Double.parseDouble(Long.toUnsignedString(data.getLong(at)));
                case "i4" -> data.getInt(at);
                case "u4" -> Integer.toUnsignedLong(data.getInt(at));
                case "i2" -> data.getShort(at);
                case "u2" -> Short.toUnsignedInt(data.getShort(at));
                case "i1" -> data.get(at);
                default -> Byte.toUnsignedInt(data.get(at));
            };
        }
        return new NpyArray(descr, shape, values, null);
    }

    private static void requireBytes(ByteBuffer data, long needed, String source, String descr) throws IOException {
        if (data.remaining() < needed) {
            throw new IOException(source + ": truncated data: " + descr + " array needs " + needed + " bytes, file has "
                    + data.remaining());
        }
    }

    private static String group(Pattern pattern, String header, String source, String key) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException(source + ": header has no '" + key + "': " + header.strip());
        }
        return matcher.group(1);
    }
}
