package de.grantflow.security;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, their roles and authorities in our tables. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One round trip: the caller is looked up on every request. */
    Optional<StoredUser> find(String username) {
        return jdbc.sql("""
                SELECT u.username, u.password_hash, u.display_name, u.email, u.phone, u.municipality_ags, u.enabled,
                       ARRAY(SELECT r.role FROM app_user_role r WHERE r.username = u.username) AS roles,
                       ARRAY(SELECT a.authority_key FROM app_user_authority a WHERE a.username = u.username)
                           AS authorities
                FROM app_user u WHERE u.username = :username""")
                .param("username", username)
                .query((rs, n) -> new StoredUser(rs.getString("password_hash"),
                        new CurrentUser(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                                rs.getString("phone"), strings(rs.getArray("roles")).stream().map(Role::valueOf)
                                        .collect(Collectors.toSet()),
                                rs.getString("municipality_ags"), strings(rs.getArray("authorities"))),
                        rs.getBoolean("enabled")))
                .optional();
    }

    void save(NewUser user, String passwordHash) {
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, email, phone, municipality_ags)
                VALUES (:username, :hash, :name, :email, :phone, :ags)
                ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,
                    display_name = EXCLUDED.display_name, email = EXCLUDED.email, phone = EXCLUDED.phone,
                    municipality_ags = EXCLUDED.municipality_ags, enabled = TRUE""")
                .param("username", user.username()).param("hash", passwordHash).param("name", user.displayName())
                .param("email", user.email()).param("phone", user.phone()).param("ags", user.municipalityAgs())
                .update();
        jdbc.sql("DELETE FROM app_user_role WHERE username = :u").param("u", user.username()).update();
        jdbc.sql("DELETE FROM app_user_authority WHERE username = :u").param("u", user.username()).update();
        user.roles().forEach(role -> jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (:u, :r)")
                .param("u", user.username()).param("r", role.name()).update());
        user.authorities().forEach(a -> jdbc.sql(
                        "INSERT INTO app_user_authority (username, authority_key) VALUES (:u, :a)")
                .param("u", user.username()).param("a", a).update());
    }

    /** The issuer and subject an OpenID Connect sign-in linked to the user; empty for a local account. */
    Optional<String> oidcSubject(String username) {
        return jdbc.sql("SELECT oidc_subject FROM app_user WHERE username = :u AND oidc_subject IS NOT NULL")
                .param("u", username).query(String.class).optional();
    }

    Optional<String> usernameOfOidcSubject(String subject) {
        return jdbc.sql("SELECT username FROM app_user WHERE oidc_subject = :s").param("s", subject)
                .query(String.class).optional();
    }

    void linkOidcSubject(String username, String subject) {
        jdbc.sql("UPDATE app_user SET oidc_subject = :s WHERE username = :u").param("s", subject).param("u", username)
                .update();
    }

    private static Set<String> strings(Array array) throws SQLException {
        return new HashSet<>(Arrays.asList((String[]) array.getArray()));
    }

    record StoredUser(String passwordHash, CurrentUser user, boolean enabled) {
    }
}
