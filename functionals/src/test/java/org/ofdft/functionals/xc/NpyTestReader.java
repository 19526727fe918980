package org.ofdft.functionals.xc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader for NumPy {@code .npy} files (format versions 1–3): little-endian {@code <f4},
 * {@code <f8} or {@code <i8}, C order, returned as doubles. The project's real NPY layer lives elsewhere;
 * this exists only so the tests can read their reference arrays.
 *
 * <p>Format: magic {@code \x93NUMPY}, major and minor version bytes, header length (uint16 LE for v1,
 * uint32 LE for v2/v3), an ASCII/UTF-8 Python dict literal with 'descr', 'fortran_order' and 'shape', then
 * the raw data.
 */
final class NpyTestReader {

    record Array(int[] shape, double[] data) {
        int rows() {
            return shape.length == 0 ? 1 : shape[0];
        }

        int columns() {
            return shape.length < 2 ? 1 : shape[1];
        }

        double at(int row, int column) {
            return data[row * columns() + column];
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyTestReader() {
    }

    static Array read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                throw new IOException(path + ": not an .npy file");
            }
        }
        int major = bytes[6];
        int headerLength;
        int headerStart;
        if (major == 1) {
            headerLength = Short.toUnsignedInt(buffer.getShort(8));
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            headerLength = buffer.getInt(8);
            headerStart = 12;
        } else {
            throw new IOException(path + ": unsupported .npy version " + major);
        }
        String header = new String(bytes, headerStart, headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, path);
        if (group(FORTRAN, header, path).equals("True")) {
            throw new IOException(path + ": Fortran order not supported");
        }
        String[] dims = group(SHAPE, header, path).split(",");
        int count = 0;
        int[] shape = new int[dims.length];
        for (String dim : dims) {
            if (!dim.isBlank()) {
                shape[count++] = Integer.parseInt(dim.strip());
            }
        }
        shape = java.util.Arrays.copyOf(shape, count);
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        double[] data = new double[Math.toIntExact(size)];
        int offset = headerStart + headerLength;
        switch (descr) {
            case "<f8" -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = buffer.getDouble(offset + 8 * i);
                }
            }
            case "<f4" -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = buffer.getFloat(offset + 4 * i);
                }
            }
            case "<i8" -> {
                for (int i = 0; i < data.length; i++) {
                    data[i] = buffer.getLong(offset + 8 * i);
                }
            }
            default -> throw new IOException(path + ": unsupported dtype " + descr);
        }
        return new Array(shape, data);
    }

    private static String group(Pattern pattern, String header, Path path) throws IOException {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IOException(path + ": header lacks " + pattern.pattern() + ": " + header);
        }
        return m.group(1);
    }
}
