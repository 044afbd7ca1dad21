package org.smallwins.platform;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.smallwins.contract.EntryKind;
import org.smallwins.contract.FocusArea;
import org.smallwins.contract.RetractionReason;
import org.smallwins.contract.ToleranceWindow;
import org.smallwins.journal.EntryOutcome;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Both services' API documents ({@code /v3/api-docs}, committed as {@code api/<service>.openapi.json}): every operation
 * needs a bearer JWT whose subject is the journal's owner, and every error is the one problem shape.
 *
 * <p>What is the same everywhere is said here once: the {@code Problem} schema; one shared response per problem status
 * ({@code #/components/responses/NotFound} …), which operations list with {@link ApiProblems}; the responses every
 * operation can give (400, 401, 406, 503; 413 and 415 with a body; 429 for a write), added by
 * {@link #platformResponses()}; the {@code X-Correlation-Id} header on every response; the vocabulary enums as named
 * schemas ({@code FocusArea}, {@code ToleranceWindow}, …); and {@code additionalProperties: false} on every request
 * body, since unknown members are refused.
 */
@AutoConfiguration
public class PlatformOpenApiConfiguration {

    static {
        // an enum is one named schema ($ref), so a generated client has one FocusArea type for requests and answers
        ModelResolver.enumsAsRef = true;
    }

    public static final String PROBLEM = "Problem";
    public static final String FIELD_ERROR = "FieldError";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The shared problem responses by status: component name and description. */
    public static final Map<Integer, String[]> PROBLEM_RESPONSES = problemResponses();

    private static Map<Integer, String[]> problemResponses() {
        Map<Integer, String[]> responses = new TreeMap<>();
        responses.put(400, new String[] {
            "BadRequest",
            "The request cannot be read or a parameter or header is invalid (malformed JSON, wrong type, unknown "
                    + "property, text that is not valid Unicode, invalid query, malformed If-Match, …); `errors` "
                    + "names each field. Nothing was stored."
        });
        responses.put(401, new String[] {"Unauthorized", "No valid bearer token. Nothing was stored."});
        responses.put(403, new String[] {
            "Forbidden",
            "This token does not allow that: the analytics endpoints need scope `analytics:read` (a person's token is "
                    + "refused), and an analyst's token reaches nothing else."
        });
        responses.put(404, new String[] {
            "NotFound", "Your journal has no such entry (another person's ids are never looked at)."
        });
        responses.put(406, new String[] {"NotAcceptable", "None of the media types in Accept can be answered."});
        responses.put(409, new String[] {
            "Conflict",
            "The request conflicts with what your journal holds (an id taken by other content, a retracted entry, a "
                    + "journal that is not empty). Nothing was stored."
        });
        responses.put(412, new String[] {
            "PreconditionFailed",
            "The entry is at another version than If-Match names: `currentVersion` and the `ETag` header give the "
                    + "current one. Nothing was changed."
        });
        responses.put(413, new String[] {"ContentTooLarge", "The request body is over its limit. Nothing was stored."});
        responses.put(415, new String[] {"UnsupportedMediaType", "Send the body as application/json."});
        responses.put(422, new String[] {
            "UnprocessableContent",
            "A rule of the journal is broken; `errors` names each field and rule (never the value). Nothing was stored."
        });
        responses.put(428, new String[] {
            "PreconditionRequired",
            "Send the entry's ETag in If-Match, so a change never overwrites one you have not seen."
        });
        responses.put(429, new String[] {
            "TooManyRequests",
            "Too many writes in a short time, or more open change streams than a person may have; `Retry-After` says "
                    + "when to try again."
        });
        responses.put(503, new String[] {
            "ServiceUnavailable",
            "A store is unreachable, or the write a read waits for is not visible yet; send the same request again "
                    + "after `Retry-After` seconds (it is safe)."
        });
        return java.util.Collections.unmodifiableMap(responses);
    }

    /** A reference to the shared problem response of a status, for {@code @ApiResponse(ref = …)}. */
    public static String problemResponse(int status) {
        String[] response = PROBLEM_RESPONSES.get(status);
        if (response == null) {
            throw new IllegalArgumentException("no shared problem response for " + status);
        }
        return "#/components/responses/" + response[0];
    }

    /** Response headers every service sends, as components ({@code #/components/headers/...}). */
    public static final String CORRELATION_ID = "X-Correlation-Id";

    @Bean
    OpenAPI smallWinsOpenApi(@Value("${spring.application.name:small-wins}") String name) {
        Components components = new Components()
                .addSecuritySchemes(
                        "bearer",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("A JWT from the configured issuer; its `sub` is the journal's owner."));
        headers().forEach(components::addHeaders);
        schemas().forEach(components::addSchemas);
        PROBLEM_RESPONSES.forEach(
                (status, response) -> components.addResponses(response[0], problem(status, response)));
        return new OpenAPI()
                .info(new Info()
                        .title("Small Wins " + name)
                        .description("Every endpoint acts on the caller's own journal (the token's `sub`); another "
                                + "person's ids are answered 404. Errors are RFC 9457 problem details "
                                + "(`application/problem+json`, schema `Problem`) with a stable `code`. Absent "
                                + "members are left out, never sent as null. Unknown request members are refused "
                                + "(400).")
                        .contact(new Contact().name("Small Wins").url("https://smallwins.dev"))
                        .version("1.0.0"))
                .servers(List.of(new Server().url("/").description("This service")))
                .components(components)
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    private static Map<String, Header> headers() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put(
                CORRELATION_ID,
                new Header()
                        .description("The request's correlation id: the one sent, if well-formed, else a new one. "
                                + "It is in every event the request caused and in the logs.")
                        .schema(new StringSchema()
                                .pattern("^[A-Za-z0-9._:-]{1,64}$")
                                .example("3b2f6c1e-8f0a-4c2d-9a1b-7e6f5d4c3b2a")));
        headers.put(
                JournalSequence.HEADER,
                new Header()
                        .description("The person's journal sequence after this write: pass it to a read on the query "
                                + "service (`?after=` or this header) to see the write there.")
                        .schema(new IntegerSchema()
                                .format("int64")
                                .minimum(java.math.BigDecimal.ONE)
                                .example(42)));
        headers.put(
                HttpHeaders.ETAG,
                new Header()
                        .description("The entry's version, quoted: the If-Match of its next change.")
                        .schema(new StringSchema()
                                .pattern("^\"[1-9][0-9]{0,8}\"$")
                                .example("\"2\"")));
        headers.put(
                HttpHeaders.LOCATION,
                new Header()
                        .description("Where the new entry can be read (on the query service).")
                        .schema(new StringSchema()
                                .format("uri-reference")
                                .example("/api/timeline/3f1c2b9e-6a0d-4c55-9d7e-1b2a3c4d5e6f")));
        headers.put(
                HttpHeaders.RETRY_AFTER,
                new Header()
                        .description("Seconds to wait before sending the same request again.")
                        .schema(new IntegerSchema()
                                .minimum(java.math.BigDecimal.ONE)
                                .example(5)));
        headers.put(
                HttpHeaders.WWW_AUTHENTICATE,
                new Header()
                        .description("The bearer challenge (RFC 6750).")
                        .schema(new StringSchema().example("Bearer")));
        return headers;
    }

    private static Header ref(String header) {
        return new Header().$ref("#/components/headers/" + header);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Map<String, Schema> schemas() {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        Schema fieldError = new ObjectSchema()
                .description("One field at fault; never its value.")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("The body field as a dotted path (`tags[2]`), or the query parameter or "
                                        + "header name")
                                .example("text"))
                .addProperty(
                        "pointer",
                        new StringSchema()
                                .description("RFC 6901 pointer into the JSON request body, when the field is in it")
                                .example("/text"))
                .addProperty(
                        "code",
                        new StringSchema().description("The stable rule name").example("text.too-long"))
                .addProperty(
                        "message",
                        new StringSchema()
                                .description("What to change, in our words")
                                .example("A win is at most 500 characters."));
        fieldError.setRequired(List.of("field", "code", "message"));
        schemas.put(FIELD_ERROR, fieldError);
        Schema problem = new ObjectSchema()
                .description("An RFC 9457 problem detail: the one shape of every error of both services.")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("A stable URI per problem: " + Problems.TYPE_PREFIX + "{code}")
                                .example(Problems.TYPE_PREFIX + "entry-refused"))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("A short title of the problem")
                                .example("Entry not recorded"))
                .addProperty(
                        "status",
                        new IntegerSchema()
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599))
                                .example(422))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("What happened and what to do, in our words; never a value you sent")
                                .example("A win is at most 500 characters."))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri-reference")
                                .description("The request's path")
                                .example("/api/journal/wins"))
                .addProperty(
                        "code",
                        new StringSchema()
                                .description("The stable machine code of the problem (the last segment of `type`); "
                                        + "clients branch on it. A plain string, so new codes can be added: "
                                        + java.util.Arrays.stream(ProblemType.values())
                                                .filter(type -> type != ProblemType.KEY_NOT_FOUND
                                                        && type != ProblemType.KEY_DESTROYED)
                                                .map(ProblemType::code)
                                                .collect(java.util.stream.Collectors.joining(", "))
                                        + ".")
                                .example("entry-refused"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                                .description("The fields at fault, for problems about fields"))
                .addProperty(
                        "currentVersion",
                        new IntegerSchema()
                                .format("int32")
                                .minimum(java.math.BigDecimal.ONE)
                                .description("The entry's current version (`entry-version-mismatch` only)")
                                .example(2))
                .addProperty(
                        "stored",
                        new IntegerSchema()
                                .format("int64")
                                .description(
                                        "How many entries a refused import stored: always 0 (import problems only)")
                                .example(0));
        problem.setRequired(List.of("type", "title", "status", "detail", "code"));
        schemas.put(PROBLEM, problem);
        schemas.put("FocusArea", enumSchema(FocusArea.class, "A focus area of the practice", FocusArea.REST));
        schemas.put(
                "ToleranceWindow",
                enumSchema(
                        ToleranceWindow.class,
                        "Where you were against your window of tolerance",
                        ToleranceWindow.WITHIN));
        schemas.put("EntryKind", enumSchema(EntryKind.class, "What an entry is", EntryKind.WIN));
        schemas.put(
                "EntryOutcome",
                enumSchema(
                        EntryOutcome.class,
                        "What a write did: recorded now, or already recorded before (a retry)",
                        EntryOutcome.RECORDED));
        schemas.put(
                "StageOfChange",
                enumSchema(
                        org.smallwins.contract.StageOfChange.class,
                        "Where you are with a focus area (stages of change)",
                        org.smallwins.contract.StageOfChange.CONTEMPLATION));
        schemas.put(
                "RetractionReason",
                enumSchema(
                        RetractionReason.class,
                        "Why an entry was taken back, from a fixed vocabulary",
                        RetractionReason.DUPLICATE));
        return schemas;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static <E extends Enum<E>> Schema enumSchema(Class<E> type, String description, E example) {
        StringSchema schema = new StringSchema();
        for (E value : type.getEnumConstants()) {
            schema.addEnumItem(value.name());
        }
        schema.description(description).example(example.name());
        return schema;
    }

    /** The codes of the public problems (not the internal data-key ones) answered with a status. */
    static List<String> codes(int status) {
        return java.util.Arrays.stream(ProblemType.values())
                .filter(type -> type.status().value() == status)
                .filter(type -> type != ProblemType.KEY_NOT_FOUND && type != ProblemType.KEY_DESTROYED)
                .map(ProblemType::code)
                .toList();
    }

    private static ApiResponse problem(int status, String[] response) {
        String codes =
                codes(status).stream().map(code -> "`" + code + "`").collect(java.util.stream.Collectors.joining(", "));
        ApiResponse answer = new ApiResponse()
                .description(response[1] + (codes.isEmpty() ? "" : " Codes: " + codes + "."))
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))
                .addHeaderObject(CORRELATION_ID, ref(CORRELATION_ID));
        if (status == 401) {
            answer.addHeaderObject(HttpHeaders.WWW_AUTHENTICATE, ref(HttpHeaders.WWW_AUTHENTICATE));
        }
        if (status == 429 || status == 503) {
            answer.addHeaderObject(HttpHeaders.RETRY_AFTER, ref(HttpHeaders.RETRY_AFTER));
        }
        if (status == 412) {
            answer.addHeaderObject(HttpHeaders.ETAG, ref(HttpHeaders.ETAG));
        }
        return answer;
    }

    /** Adds the responses of {@link ApiProblems} to the operation of each handler method. */
    @Bean
    OperationCustomizer apiProblems() {
        return (operation, handler) -> {
            ApiProblems problems = handler.getMethodAnnotation(ApiProblems.class);
            if (problems != null) {
                for (int status : problems.value()) {
                    addProblem(operation, status);
                }
            }
            return operation;
        };
    }

    /**
     * What every operation shares: the problem responses any of them can give, {@code X-Correlation-Id} on every
     * response, and request bodies closed to unknown members.
     */
    @Bean
    OpenApiCustomizer platformResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // the documents describe the API: no error dispatch, actuator or internal endpoint
            openApi.getPaths().keySet().removeIf(path -> !path.startsWith("/api/"));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                        addProblem(operation, 400);
                        addProblem(operation, 401);
                        addProblem(operation, 406);
                        addProblem(operation, 503);
                        if (operation.getRequestBody() != null) {
                            addProblem(operation, 413);
                            addProblem(operation, 415);
                            closeRequestBody(openApi, operation);
                        }
                        if (method != PathItem.HttpMethod.GET) {
                            addProblem(operation, 429);
                        }
                        readYourWrites(operation);
                        operation.getResponses().forEach((status, response) -> {
                            if (response.get$ref() == null
                                    && (response.getHeaders() == null
                                            || !response.getHeaders().containsKey(CORRELATION_ID))) {
                                response.addHeaderObject(CORRELATION_ID, ref(CORRELATION_ID));
                            }
                            // a header by reference is the bare $ref: springdoc adds "style" next to it, which
                            // OpenAPI 3.0 ignores and linters refuse (Spectral's no-$ref-siblings)
                            if (response.getHeaders() != null) {
                                response.getHeaders()
                                        .replaceAll((name, header) -> header.get$ref() == null
                                                ? header
                                                : new Header().$ref(header.get$ref()));
                            }
                        });
                        sortResponses(operation);
                    }));
            // every tag an operation names is declared once at the top (linters ask for it), in name order
            java.util.Set<String> declared = new java.util.HashSet<>();
            if (openApi.getTags() != null) {
                openApi.getTags().forEach(tag -> declared.add(tag.getName()));
            }
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().forEach(operation -> {
                        if (operation.getTags() != null) {
                            operation.getTags().stream()
                                    .filter(declared::add)
                                    .forEach(name -> openApi.addTagsItem(new Tag().name(name)));
                        }
                    }));
            if (openApi.getTags() != null) {
                openApi.getTags().sort(java.util.Comparator.comparing(Tag::getName));
            }
            pruneUnusedComponents(openApi);
        };
    }

    /**
     * Keeps only the shared responses and headers this document refers to: every service gets the whole table, but
     * a read-only service answers no 409, 413, 415, … (linters report the rest as unused components: Spectral's
     * {@code oas3-unused-component}).
     */
    private static void pruneUnusedComponents(OpenAPI openApi) {
        Components components = openApi.getComponents();
        if (components == null) {
            return;
        }
        java.util.Set<String> responses = new java.util.HashSet<>();
        java.util.Set<String> headers = new java.util.HashSet<>();
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations()
                        .forEach(operation -> operation.getResponses().values().forEach(response -> {
                            if (response.get$ref() != null) {
                                responses.add(lastSegment(response.get$ref()));
                            } else {
                                headerRefs(response, headers);
                            }
                        })));
        if (components.getResponses() != null) {
            components.getResponses().keySet().retainAll(responses);
            components.getResponses().values().forEach(response -> headerRefs(response, headers));
        }
        if (components.getHeaders() != null) {
            components.getHeaders().keySet().retainAll(headers);
        }
    }

    private static void headerRefs(ApiResponse response, java.util.Set<String> headers) {
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, header) -> {
                if (header.get$ref() != null) {
                    headers.add(lastSegment(header.get$ref()));
                }
            });
        }
    }

    private static String lastSegment(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The sequence a read may wait for ({@code ?after=} or {@code Journal-Sequence}): a sequence, from 0. */
    @SuppressWarnings("rawtypes")
    private static void readYourWrites(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().forEach(parameter -> {
            boolean sequence = ("query".equals(parameter.getIn())
                            && JournalSequence.PARAMETER.equals(parameter.getName()))
                    || ("header".equals(parameter.getIn()) && JournalSequence.HEADER.equals(parameter.getName()));
            if (sequence) {
                Schema schema = parameter.getSchema();
                if (schema != null && schema.getMinimum() == null) {
                    schema.setMinimum(java.math.BigDecimal.ZERO);
                    schema.setExample(42);
                }
            }
        });
    }

    private static void addProblem(Operation operation, int status) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().putIfAbsent(Integer.toString(status), new ApiResponse().$ref(problemResponse(status)));
    }

    private static void sortResponses(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    @SuppressWarnings("rawtypes")
    private static void closeRequestBody(OpenAPI openApi, Operation operation) {
        if (operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().forEach((type, media) -> {
            Schema schema = media.getSchema();
            if (schema == null) {
                return;
            }
            if (schema.get$ref() != null
                    && openApi.getComponents() != null
                    && openApi.getComponents().getSchemas() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                schema = openApi.getComponents().getSchemas().get(name);
            }
            // a body that says it is open (the import's file format skips unknown members) stays open
            if (schema != null
                    && "object".equals(schema.getType())
                    && schema.getProperties() != null
                    && schema.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(Boolean.FALSE);
            }
        });
    }
}
