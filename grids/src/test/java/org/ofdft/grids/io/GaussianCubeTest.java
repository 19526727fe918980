package org.ofdft.grids.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdft.grids.Cell;
import org.ofdft.grids.Grid1D;
import org.ofdft.grids.Grid3D;
import org.ofdft.grids.RealField;

class GaussianCubeTest {

    @Test
    void headerAndValuesFollowTheCubeLayout(@TempDir Path directory) throws IOException {
        Grid3D grid = new Grid3D(Cell.cubic(4.0), 2, 3, 7);
        RealField field = RealField.zeros(grid);
        for (int j = 0; j < grid.size(); j++) {
            field.values()[j] = 0.001 * j;
        }
        Path file = directory.resolve("density.cube");
        GaussianCube.write(file, field, List.of(new GaussianCube.Atom(13, 3.0, new double[] {1, 2, 3})), "test");
        List<String> lines = Files.readAllLines(file);
        assertEquals("test", lines.get(0));
        assertEquals(1, Integer.parseInt(lines.get(2).trim().split("\\s+")[0]));
        String[] axis3 = lines.get(5).trim().split("\\s+");
        assertEquals(7, Integer.parseInt(axis3[0]));
        assertEquals(4.0 / 7, Double.parseDouble(axis3[3]), 1e-6);
        assertEquals(13, Integer.parseInt(lines.get(6).trim().split("\\s+")[0]));
        List<Double> values = new ArrayList<>();
        for (String line : lines.subList(7, lines.size())) {
            for (String token : line.trim().split("\\s+")) {
                values.add(Double.parseDouble(token));
            }
        }
        assertEquals(grid.size(), values.size());
        for (int j = 0; j < grid.size(); j++) {
            assertEquals(field.get(j), values.get(j), 1e-9);
        }
        // 7 values per (i1, i2) row: a line of 6 then a line of 1, six rows.
        assertEquals(7 + 2 * 2 * 3, lines.size());
    }

    @Test
    void refusesNon3DFields(@TempDir Path directory) {
        RealField line = RealField.zeros(Grid1D.box(0, 1, 5));
        assertThrows(IllegalArgumentException.class,
                () -> GaussianCube.write(directory.resolve("x.cube"), line, List.of(), "x"));
    }
}
