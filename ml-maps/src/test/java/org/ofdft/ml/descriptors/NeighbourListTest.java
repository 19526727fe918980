package org.ofdft.ml.descriptors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ofdft.grids.Cell;
import org.ofdft.ml.io.Atoms;

class NeighbourListTest {

    @Test
    void skewedCellMatchesABruteForceSearchOverManyImages() {
        // a strongly sheared cell and a cutoff of about twice the shortest plane spacing
        Cell cell = Cell.ofBohr(new double[][] {{5.0, 0, 0}, {4.2, 3.1, 0}, {-1.5, 2.2, 4.0}});
        Random random = new Random(21);
        double[][] fractional = new double[5][3];
        for (double[] s : fractional) {
            for (int k = 0; k < 3; k++) {
                s[k] = 3 * random.nextDouble() - 1; // atoms deliberately not wrapped into the cell
            }
        }
        double[][] r = new double[5][];
        for (int i = 0; i < 5; i++) {
            r[i] = cell.toCartesian(fractional[i]);
        }
        Atoms atoms = new Atoms(List.of("Si", "Si", "O", "O", "O"), r, cell, Map.of(), "");
        double cutoff = 6.5;
        NeighbourList list = NeighbourList.build(atoms, cutoff);
        double[][] a = {cell.latticeVector(0), cell.latticeVector(1), cell.latticeVector(2)};
        for (int i = 0; i < 5; i++) {
            List<Double> expected = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                for (int n1 = -8; n1 <= 8; n1++) {
                    for (int n2 = -8; n2 <= 8; n2++) {
                        for (int n3 = -8; n3 <= 8; n3++) {
                            double d2 = 0;
                            for (int k = 0; k < 3; k++) {
                                double d = r[j][k] - r[i][k] + n1 * a[0][k] + n2 * a[1][k] + n3 * a[2][k];
                                d2 += d * d;
                            }
                            if (d2 < cutoff * cutoff && !(j == i && n1 == 0 && n2 == 0 && n3 == 0)) {
                                expected.add(j * 100.0 + Math.sqrt(d2));
                            }
                        }
                    }
                }
            }
            List<Double> found = new ArrayList<>();
            for (int e = list.start(i); e < list.end(i); e++) {
                found.add(list.neighbour(e) * 100.0 + list.distance(e));
            }
            Collections.sort(expected);
            Collections.sort(found);
            assertEquals(expected.size(), found.size(), "neighbours of atom " + i);
            assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(),
                    found.stream().mapToDouble(Double::doubleValue).toArray(), 1e-12);
        }
    }

    @Test
    void coincidentAtomsAreRefused() {
        Atoms atoms = Atoms.molecule(List.of("H", "H"), new double[][] {{1, 1, 1}, {1, 1, 1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NeighbourList.build(atoms, 3));
        assertEquals("atoms 0 and 1 (or a periodic image of 1) are at the same position", e.getMessage());
    }
}
