package de.grantflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for page tests: keeps cookies, asks for HTML, signs in through the login form and
 * sends each form with the CSRF token of the page it came from.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    public PageSession(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public HttpResponse<String> post(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A form with one file, as a browser sends it (multipart/form-data), with the page's CSRF token among the fields. */
    public HttpResponse<String> postFile(String path, String csrfToken, String field, String fileName, byte[] content) {
        String boundary = "----grantflow" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrfToken
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<String> login(String username, String password) {
        String token = csrfFrom(get("/login").body());
        return post("/login", "username=" + username + "&password=" + password + "&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    public String loginAndFollow(String username) {
        HttpResponse<String> login = login(username, "demo");
        assertThat(login.statusCode()).isEqualTo(302);
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        return home.headers().firstValue("Location").orElseThrow();
    }

    /** The logout form sits in the header of every page a signed-in user sees, the error page included. */
    public String tokenOfAnyPage() {
        String token = csrfFrom(get("/no-such-page").body());
        assertThat(token).isNotNull();
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String csrfFrom(String html) {
        Matcher matcher = CSRF.matcher(html);
        return matcher.find() ? matcher.group(1) : null;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpRequest built = request.build();
            // as a browser asks for pages, and the webapps' scripts for JSON
            return http.send(HttpRequest.newBuilder(built, (name, value) -> true).header("Accept",
                    built.uri().getPath().contains("/api/") ? "application/json" : "text/html").build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
