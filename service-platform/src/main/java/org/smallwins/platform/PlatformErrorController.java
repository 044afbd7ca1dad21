package org.smallwins.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}): whatever ends in an error status outside the controllers (a
 * request the firewall rejects, an exception escaping a filter, a {@code sendError}) is answered in the one problem
 * shape too, never with Boot's default error body. The instance is the path that failed, not {@code /error}.
 */
@RestController
public class PlatformErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(PlatformErrorController.class);

    @RequestMapping(path = "${server.error.path:/error}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        if (failure instanceof Throwable thrown && PlatformProblemHandler.storeUnavailable(thrown) != null) {
            problem = Problems.of(
                    ProblemType.STORE_UNAVAILABLE,
                    "Nothing was recorded. Please send the same request again in a few seconds; "
                            + "sending it again is safe.");
        } else {
            if (failure instanceof Throwable thrown) {
                log.error(
                        "Unexpected {} outside the controllers",
                        thrown.getClass().getName(),
                        PlatformProblemHandler.withoutMessage(thrown));
            }
            problem = PlatformProblemHandler.forStatus(status instanceof Integer code ? code : 500);
        }
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path instanceof String failed) {
            problem.setInstance(Problems.instance(failed));
        }
        Problems.at(problem, request);
        var answer = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        switch (problem.getStatus()) {
            case 401 -> answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case 429, 503 ->
                answer.header(HttpHeaders.RETRY_AFTER, Integer.toString(PlatformProblemHandler.RETRY_AFTER_SECONDS));
            default -> {}
        }
        return answer.body(problem);
    }
}
