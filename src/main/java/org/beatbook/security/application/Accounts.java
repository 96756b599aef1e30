package org.beatbook.security.application;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beatbook.security.domain.AccountRules;
import org.beatbook.security.domain.Role;
import org.beatbook.security.persistence.StaffAccount;
import org.beatbook.security.persistence.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and changing staff accounts; every password goes through the encoder here. */
@Service
public class Accounts {

    private final StaffAccounts store;
    private final PasswordEncoder encoder;

    public Accounts(StaffAccounts store, PasswordEncoder encoder) {
        this.store = store;
        this.encoder = encoder;
    }

    public List<StaffAccount> all() {
        return store.all();
    }

    public boolean adminExists() {
        return store.enabledAdminExists();
    }

    /**
     * Creates an account after checking it; returns the problems by field (message keys) and creates nothing when
     * there are any.
     */
    @Transactional
    public Map<String, String> create(String username, String displayName, String password, String confirmation,
                                      Set<Role> roles) {
        Map<String, String> errors = AccountRules.checkNewAccount(username, displayName, password, confirmation);
        String normalized = AccountRules.normalizeUsername(username);
        if (!errors.containsKey("username") && store.exists(normalized)) {
            errors.put("username", "security.error.username.taken");
        }
        if (roles.isEmpty()) {
            errors.put("roles", "security.error.roles");
        }
        if (errors.isEmpty()) {
            store.create(normalized, encoder.encode(password), displayName, roles);
        }
        return errors;
    }

    @Transactional
    public Map<String, String> resetPassword(long id, String password, String confirmation) {
        Map<String, String> errors = AccountRules.checkPassword(password, confirmation);
        if (errors.isEmpty()) {
            store.setPasswordHash(id, encoder.encode(password));
        }
        return errors;
    }

    /** Disables an account unless it is the last enabled administrator (nobody could then manage users). */
    @Transactional
    public boolean setEnabled(long id, boolean enabled) {
        StaffAccount account = store.byId(id).orElseThrow();
        if (!enabled && account.admin() && account.enabled() && store.countEnabledAdmins() <= 1) {
            return false;
        }
        store.setEnabled(id, enabled);
        return true;
    }
}
