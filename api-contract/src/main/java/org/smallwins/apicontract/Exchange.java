package org.smallwins.apicontract;

import java.util.List;
import java.util.Map;

/**
 * One HTTP exchange as a test made it, whatever the client: what {@link OpenApiContract} checks.
 *
 * @param path         the path without query string (no context path)
 * @param query        the query parameters, decoded
 * @param requestBody  the request body as text, or null
 * @param responseBody the response body as text, or null when it was not read as text (a stream)
 */
public record Exchange(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders,
        String requestBody,
        int status,
        Map<String, List<String>> responseHeaders,
        String responseBody) {}
