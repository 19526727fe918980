package org.ofdft.cli.input;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and checks an {@code ofdft scf} TOML input file. */
public final class ScfInputReader {

    private ScfInputReader() {
    }

    public static ScfInput read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("input file not found: " + file);
        }
        TomlMapper mapper = TomlMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
        ScfInput input;
        try {
            input = mapper.readValue(file.toFile(), ScfInput.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InputException(file + where(e) + ": unknown key '" + e.getPropertyName() + "'" + section(e)
                    + "; valid keys: " + names(e.getKnownPropertyIds()));
        } catch (JsonMappingException e) {
            throw new InputException(file + where(e) + ": " + e.getOriginalMessage() + section(e));
        } catch (JsonProcessingException e) {
            throw new InputException(file + where(e) + ": not valid TOML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException("cannot read input file " + file + ": " + e.getMessage(), e);
        }
        if (input == null) {
            throw new InputException(file + ": the input file is empty");
        }
        return input;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location != null && location.getLineNr() > 0 ? " line " + location.getLineNr() : "";
    }

    private static String section(JsonMappingException e) {
        List<String> path = new ArrayList<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.add(reference.getFieldName());
            }
        }
        if (path.size() <= 1) {
            return path.isEmpty() ? "" : " at the top level";
        }
        return " in [" + String.join(".", path.subList(0, path.size() - 1)) + "]";
    }

    private static String names(Collection<Object> ids) {
        return ids.stream().map(Object::toString).sorted().collect(Collectors.joining(", "));
    }
}
