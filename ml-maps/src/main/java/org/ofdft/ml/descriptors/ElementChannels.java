package org.ofdft.ml.descriptors;

import java.util.List;
import org.ofdft.ml.io.Atoms;

/** The channel (index in a descriptor's element list) of every atom. */
final class ElementChannels {

    private ElementChannels() {
    }

    static int[] of(Atoms atoms, List<String> elements, String descriptor) {
        int[] channel = new int[atoms.atomCount()];
        for (int i = 0; i < channel.length; i++) {
            channel[i] = elements.indexOf(atoms.speciesOf(i));
            if (channel[i] < 0) {
                throw new IllegalArgumentException("atom " + i + " (" + atoms.speciesOf(i) + ")" + atoms.where()
                        + " is not one of the elements of the " + descriptor + ": " + elements);
            }
        }
        return channel;
    }
}
