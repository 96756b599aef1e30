package org.beatbook.incidents.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.beatbook.incidents.domain.MappingProfile;
import org.beatbook.incidents.domain.ProfileReader;
import org.beatbook.incidents.persistence.IncidentStore;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * The mapping profiles: shipped ones (incidents/profiles/*.yaml) and those a department added in the UI or API,
 * which may replace a shipped one of the same name.
 */
@Service
public class ProfileCatalogue {

    private final IncidentStore store;
    private final Map<String, String> shipped = new TreeMap<>();

    ProfileCatalogue(IncidentStore store) {
        this.store = store;
        try {
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:incidents/profiles/*.yaml")) {
                String yaml = file.getContentAsString(StandardCharsets.UTF_8);
                shipped.put(ProfileReader.read(yaml).name(), yaml);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Name -> YAML, shipped ones overridden by the department's. Not parsed here: a stored profile that no longer
     * passes the checks (say, a projection saved before projections were supported) must not hide the others.
     */
    public Map<String, String> all() {
        Map<String, String> all = new TreeMap<>(shipped);
        all.putAll(store.profileYamls());
        return all;
    }

    /** @throws IllegalArgumentException naming the profile and its problems when it cannot be used */
    public Optional<MappingProfile> profile(String name) {
        return Optional.ofNullable(all().get(name)).map(ProfileReader::read);
    }

    /** @throws IllegalArgumentException naming every problem of the YAML */
    public MappingProfile save(String yaml) {
        MappingProfile profile = ProfileReader.read(yaml);
        store.saveProfile(profile.name(), yaml);
        return profile;
    }
}
