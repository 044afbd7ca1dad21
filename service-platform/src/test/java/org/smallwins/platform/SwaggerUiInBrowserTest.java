package org.smallwins.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.smallwins.infra.HeadlessChrome;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Swagger UI, opened in a real browser on a service with the platform's real security: it shows the service's
 * operations (it was a blank page while the API's {@code default-src 'none'} policy covered it too), and the API
 * itself keeps that policy.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.test")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SwaggerUiInBrowserTest {

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @MockitoBean
    JwtDecoder tokens;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Endpoints.class)
    static class Application {}

    @RestController
    @RequestMapping("/api/test")
    static class Endpoints {
        @GetMapping("/weeks")
        String weeks() {
            return "ok";
        }
    }

    @BeforeAll
    static void browser() {
        HeadlessChrome.missing().ifPresent(reason -> Assumptions.abort(reason));
        browser = HeadlessChrome.start(1280, 900);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void Swagger_UI_shows_the_service_operations_in_a_browser() {
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        List<WebElement> operations = new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            List<WebElement> found = b.findElements(By.cssSelector(".opblock-summary-path"));
            return found.isEmpty() ? null : found;
        });
        assertThat(operations).extracting(WebElement::getText).contains("/api/test/weeks");
        assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
                .extracting(entry -> entry.getMessage())
                .noneMatch(message -> message.contains("Content Security Policy"));
    }

    @Test
    void Swagger_UI_gets_its_own_policy_and_the_API_keeps_default_src_none() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> ui = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> api = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/test/weeks"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(ui.headers().allValues("Content-Security-Policy"))
                .containsExactly(PlatformSecurityConfiguration.SWAGGER_UI_POLICY);
        assertThat(PlatformSecurityConfiguration.SWAGGER_UI_POLICY)
                .contains("script-src 'self';")
                .doesNotContain("unsafe-eval");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().allValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'");
    }
}
