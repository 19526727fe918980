package org.ofdft.ml.kinetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ofdft.ml.data.Dataset1D;
import org.ofdft.ml.data.GaussianWells;
import org.ofdft.ml.data.SnyderBox;

class ActiveLearningTest {

    /**
     * Both criteria must move away from what they have: a candidate identical to an already solved
     * potential has (near) zero posterior variance and covariance, so it is never chosen again and the
     * selected potentials are distinct; the selection is reproducible from the seed.
     */
    @Test
    void selectsDistinctPotentialsReproducibly() {
        List<GaussianWells> pool = SnyderBox.randomPotentials(120, 9);
        List<GaussianWells> withDuplicates = new java.util.ArrayList<>(pool);
        withDuplicates.addAll(pool.subList(0, 40));
      for (ActiveLearning.Criterion criterion : ActiveLearning.Criterion.values()) {
        Dataset1D first = ActiveLearning.select(withDuplicates, 1, 4, 14, 3, criterion, done -> { });
        Dataset1D second = ActiveLearning.select(withDuplicates, 1, 4, 14, 3, criterion, done -> { });
        assertEquals(14, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.externalPotentials()[i], second.externalPotentials()[i]);
            for (int j = 0; j < i; j++) {
                assertTrue(!java.util.Arrays.equals(first.externalPotentials()[i], first.externalPotentials()[j]),
                        "rows " + i + " and " + j + " are the same potential");
            }
        }
        assertTrue(first.hasKineticEnergies());
      }
    }

    @Test
    void rejectsImpossibleSizes() {
        List<GaussianWells> pool = SnyderBox.randomPotentials(10, 1);
        assertThrows(IllegalArgumentException.class, () -> ActiveLearning.select(pool, 1, 1, 5, 0, done -> { }));
        assertThrows(IllegalArgumentException.class, () -> ActiveLearning.select(pool, 1, 4, 11, 0, done -> { }));
    }
}
