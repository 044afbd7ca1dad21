package org.smallwins.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.smallwins.apicontract.CommittedDocuments;

/**
 * The API document command-service serves is the committed {@code api/command-service.openapi.json}, which clients,
 * the generated client and every HTTP test's validation read. A change of the API changes the served document; this
 * fails until the committed one is rewritten (the failure says how) and committed with it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpenApiDocumentTest extends CommandServiceHttpTest {

    @Test
    void the_served_api_document_is_the_committed_one() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(served.statusCode()).isEqualTo(200);
        CommittedDocuments.assertServedIsCommitted("command-service", "OpenApiDocumentTest", served.body());
    }
}
