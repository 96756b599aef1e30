package org.beatbook.personnel.domain;

/** No member or assignment with the given id. */
public class NotFound extends RuntimeException {

    public NotFound(String what, long id) {
        super("No " + what + " with id " + id);
    }
}
