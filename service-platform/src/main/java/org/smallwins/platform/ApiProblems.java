package org.smallwins.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses an endpoint answers besides the ones every endpoint may answer, for its OpenAPI operation: each
 * becomes a response that refers to the shared problem response of that status ({@code #/components/responses/...},
 * {@link PlatformOpenApiConfiguration}). The shared ones are added to every operation without being listed: 400, 401,
 * 406 and 503; with a request body 413 and 415; for a write (any method but GET) 429.
 *
 * <pre>{@code @ApiProblems({404, 409, 412, 422, 428})}</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiProblems {

    /** HTTP statuses, each one of {@link PlatformOpenApiConfiguration#PROBLEM_RESPONSES}. */
    int[] value();
}
