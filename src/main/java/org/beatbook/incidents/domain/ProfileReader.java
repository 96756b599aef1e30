package org.beatbook.incidents.domain;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.beatbook.platform.NulCharacters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads a mapping profile from YAML (see incidents/profiles/chicago.yaml), naming every problem found. */
public final class ProfileReader {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ProfileReader() {
    }

    /** @throws IllegalArgumentException listing what is wrong */
    public static MappingProfile read(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        }
        catch (JacksonException e) {
            throw new IllegalArgumentException("The profile is not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The profile must be a YAML mapping with name, source, columns, ...");
        }
        List<String> problems = new ArrayList<>();
        ZoneId zone = null;
        String zoneText = text(root, "timeZone");
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            }
            catch (DateTimeException e) {
                problems.add("timeZone \"" + zoneText + "\" is not a time zone such as America/Chicago");
            }
        }
        String delimiter = text(root, "delimiter");
        if (delimiter != null && delimiter.length() != 1) {
            problems.add("delimiter must be one character");
        }
        MappingProfile profile = new MappingProfile(text(root, "name"), text(root, "description"), text(root, "source"),
                text(root, "classification"), delimiter == null || delimiter.length() != 1 ? ',' : delimiter.charAt(0),
                map(root.get("columns")), text(root, "projection"), text(root, "dateFormat"),
                zone, map(root.get("units")), list(root.get("sensitiveFlags")));
        problems.addAll(0, profile.problems());
        // YAML's "\0" escape yields a NUL, which would be stored and copied onto imported rows (source), where
        // PostgreSQL text refuses it
        nulValues(root, "", problems);
        if (!problems.isEmpty()) {
            String named = profile.name() == null ? "The profile" : "The profile \"" + profile.name() + "\"";
            throw new IllegalArgumentException(named + " has problems: " + String.join("; ", problems));
        }
        return profile;
    }

    private static void nulValues(JsonNode node, String path, List<String> problems) {
        if (node.isString() && NulCharacters.in(node.asString())) {
            problems.add(path + " " + NulCharacters.REASON);
        }
        node.properties().forEach(e -> {
            String field = (path.isEmpty() ? "" : path + ".") + NulCharacters.shown(e.getKey());
            if (NulCharacters.in(e.getKey())) {
                problems.add("the key " + field + " " + NulCharacters.REASON);
            }
            nulValues(e.getValue(), field, problems);
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                nulValues(node.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        }
        return map;
    }

    private static List<String> list(JsonNode node) {
        List<String> list = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> list.add(n.asString()));
        }
        return list;
    }
}
