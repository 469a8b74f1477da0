package de.grantflow.security;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates and updates user accounts, storing only a hash of the password. */
@Component
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwords;

    UserAccounts(UserRepository users, PasswordEncoder passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Transactional
    public void createOrUpdate(NewUser user) {
        users.save(user, passwords.encode(user.rawPassword()));
    }
}
