package org.beatbook.lookup;

import java.util.List;

/** The address matched nothing the gazetteer knows; a location is never guessed. */
public class AddressNotFoundException extends RuntimeException {

    private final String address;
    private final List<String> suggestions;

    public AddressNotFoundException(String address, List<String> suggestions) {
        super("No location found for address \"" + address + "\"");
        this.address = address;
        this.suggestions = List.copyOf(suggestions);
    }

    public String address() {
        return address;
    }

    /** Known addresses that resemble the one given, best first. */
    public List<String> suggestions() {
        return suggestions;
    }
}
