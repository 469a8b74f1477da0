package de.grantflow.security;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users, their roles and authorities in our tables. */
@Repository
class UserRepository {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql("SELECT username, password_hash, display_name, email, phone, municipality_ags, enabled"
                        + " FROM app_user WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> new StoredUser(rs.getString("username"), rs.getString("password_hash"),
                        new CurrentUser(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                                rs.getString("phone"), roles(username), rs.getString("municipality_ags"),
                                authorities(username)),
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

    private Set<Role> roles(String username) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        jdbc.sql("SELECT role FROM app_user_role WHERE username = :u").param("u", username).query(String.class)
                .list().forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    private Set<String> authorities(String username) {
        return new HashSet<>(jdbc.sql("SELECT authority_key FROM app_user_authority WHERE username = :u")
                .param("u", username).query(String.class).list());
    }

    record StoredUser(String username, String passwordHash, CurrentUser user, boolean enabled) {
    }
}
