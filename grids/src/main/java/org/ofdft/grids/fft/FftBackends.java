package org.ofdft.grids.fft;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds FFT backends: the built-in pure-Java ones and any registered through the service loader. */
public final class FftBackends {

    public static final String DEFAULT = JavaFftBackend.NAME;

    private FftBackends() {
    }

    /** What is known about one backend without creating it. */
    public record Info(String name, String licence, boolean available, String unavailableReason) {
    }

    /** The outcome of choosing a backend: the backend and, if the request could not be met, why. */
    public record Selection(FftBackend backend, String fallbackWarning) {
        public boolean fellBack() {
            return fallbackWarning != null;
        }
    }

    /** All known backends, the default first. */
    public static List<Info> list() {
        List<Info> infos = new ArrayList<>();
        infos.add(new Info(JavaFftBackend.NAME, JavaFftBackend.LICENCE, true, null));
        infos.add(new Info(JTransformsBackend.NAME, JTransformsBackend.LICENCE, true, null));
        for (FftBackendProvider provider : providers()) {
            String reason = provider.unavailableReason();
            infos.add(new Info(provider.name(), provider.licence(), reason == null, reason));
        }
        return infos;
    }

    public static List<String> names() {
        return list().stream().map(Info::name).toList();
    }

    /**
     * Creates the named backend. An unknown name is an error listing the valid names; a known
     * backend that cannot load here falls back to the default Java backend with a warning.
     */
    public static Selection select(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("FFT thread count must be at least 1, got " + threads);
        }
        if (name == null || name.equals(JavaFftBackend.NAME)) {
            return new Selection(new JavaFftBackend(threads), null);
        }
        if (name.equals(JTransformsBackend.NAME)) {
            return new Selection(new JTransformsBackend(threads), null);
        }
        for (FftBackendProvider provider : providers()) {
            if (provider.name().equals(name)) {
                String reason = provider.unavailableReason();
                if (reason == null) {
                    return new Selection(provider.create(threads), null);
                }
                return new Selection(new JavaFftBackend(threads),
                        "FFT backend '" + name + "' is unavailable (" + reason + "); using "
                                + JavaFftBackend.NAME);
            }
        }
        throw new IllegalArgumentException("unknown FFT backend '" + name + "'; valid names: "
                + String.join(", ", names()));
    }

    private static List<FftBackendProvider> providers() {
        List<FftBackendProvider> providers = new ArrayList<>();
        ServiceLoader.load(FftBackendProvider.class, FftBackends.class.getClassLoader())
                .forEach(providers::add);
        return providers;
    }
}
