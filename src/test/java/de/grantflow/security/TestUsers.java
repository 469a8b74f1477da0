package de.grantflow.security;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The demo users for tests of any module (the test profile does not install them): antrag.dortmund,
 * antrag.duisburg, antrag.muenster, antrag.stuttgart, pruefer, pruefer2, bewilliger, programm and admin, all with the
 * password {@link #PASSWORD}. Engine accounts for the Camunda webapps come only with {@link DemoUsers#install()}.
 */
public final class TestUsers {

    public static final String PASSWORD = DemoUsers.PASSWORD;

    /** Hashing passwords is slow by design: once per application context is enough. */
    private static final Set<UserAccounts> DONE = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private TestUsers() {
    }

    /** Creates or resets the demo users, once per application context (the one that owns {@code accounts}). */
    public static void ensureDemoUsers(UserAccounts accounts) {
        synchronized (DONE) {
            if (!DONE.contains(accounts)) {
                DemoUsers.users().forEach(accounts::createOrUpdate);
                DONE.add(accounts);
            }
        }
    }
}
