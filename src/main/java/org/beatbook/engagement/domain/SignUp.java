package org.beatbook.engagement.domain;

import java.util.List;

/**
 * What a resident (or staff, from a paper form) submits, as typed. {@link SignUpRules#check} says what is wrong with it
 * and {@link SignUpRules#normalize} tidies it for storage.
 */
public record SignUp(String name, String email, String phone, String address, String language,
                     List<String> priorities, String concern, boolean consent) {

    public SignUp {
        priorities = priorities == null ? List.of() : priorities.stream().filter(p -> p != null).toList();
    }
}
