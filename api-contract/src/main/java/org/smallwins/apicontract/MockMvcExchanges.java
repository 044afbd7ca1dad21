package org.smallwins.apicontract;

import jakarta.servlet.DispatcherType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultHandler;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriComponentsBuilder;

/** A MockMvc {@link ResultHandler} that checks every exchange a slice test performs against the service's document. */
public final class MockMvcExchanges implements ResultHandler {

    private static final String OUTSIDE = MockMvcExchanges.class.getName() + ".outside";

    private final OpenApiContract contract;

    /**
     * Marks one request as deliberately outside the document, so it is not checked: only for a test that shows what
     * the service does with something no client should send (an undocumented parameter it ignores). Say why.
     */
    public static RequestPostProcessor outsideTheContract() {
        return request -> {
            request.setAttribute(OUTSIDE, Boolean.TRUE);
            return request;
        };
    }

    public MockMvcExchanges(OpenApiContract contract) {
        this.contract = contract;
    }

    @Override
    public void handle(MvcResult result) throws Exception {
        MockHttpServletRequest request = result.getRequest();
        if (request.getAttribute(OUTSIDE) != null) {
            return;
        }
        if (request.getAsyncContext() != null && request.getDispatcherType() != DispatcherType.ASYNC) {
            return; // an async start: its answer comes with the asyncDispatch, which is checked then
        }
        contract.check(exchange(result));
    }

    static Exchange exchange(MvcResult result) throws Exception {
        MockHttpServletRequest request = result.getRequest();
        MockHttpServletResponse response = result.getResponse();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (request.getQueryString() != null) {
            UriComponentsBuilder.newInstance()
                    .query(request.getQueryString())
                    .build()
                    .getQueryParams()
                    .forEach((name, values) -> query.put(
                            decode(name),
                            values.stream().map(v -> v == null ? "" : decode(v)).toList()));
        } else {
            request.getParameterMap().forEach((name, values) -> query.put(name, Arrays.asList(values)));
        }
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            requestHeaders.put(name, Collections.list(request.getHeaders(name)));
        }
        if (request.getContentType() != null) {
            requestHeaders.putIfAbsent("Content-Type", List.of(request.getContentType()));
        }
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            responseHeaders.put(name, new ArrayList<>(response.getHeaders(name)));
        }
        if (response.getContentType() != null) {
            responseHeaders.put("Content-Type", List.of(response.getContentType()));
        }
        byte[] body = request.getContentAsByteArray();
        return new Exchange(
                request.getMethod(),
                path,
                query,
                requestHeaders,
                body == null ? null : new String(body, StandardCharsets.UTF_8),
                response.getStatus(),
                responseHeaders,
                response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static String decode(String raw) {
        return java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }
}
