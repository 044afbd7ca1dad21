package org.smallwins.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a value of the wrong JSON type is a 400 naming the field, never silently turned
 * into something else ({@code "text": false} would otherwise be stored as the sentence "false", {@code "mood": "3"}
 * or {@code 3.7} as 3); a property the endpoint does not have is a 400 naming it (a typo such as {@code "tag"} would
 * otherwise drop the tags); text that is not valid Unicode is a 400 naming the field ({@link WellFormedText}); a
 * property named twice in one object is a 400 (it would otherwise be read as its last value, while a validating proxy
 * or another parser in front of the service may read the first one).
 *
 * <p>Answers leave out every {@code null} member: an optional member is present with a value, or absent.
 */
@AutoConfiguration
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictCoercion() {
        return builder -> builder.withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                // issue 16: {"analytics": "yes"} or 1 is not a consent
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /** Every answer written without null members. */
    @Bean
    JsonMapperBuilderCustomizer omitNullMembers() {
        return builder -> builder.changeDefaultPropertyInclusion(
                inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL));
    }

    /**
     * The services' own JSON converter (requests read, answers written) uses the application's mapper made strict for
     * reading: unknown properties fail, a property named twice fails, and strings must be valid Unicode. Only the server side: what this service
     * reads from another (a client's converters, Kafka, stores) keeps the application's mapper, so a newer peer's
     * additional members never break it.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer strictRequestBodies(JsonMapper application) {
        JsonMapper strict = application
                .rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(WellFormedText.module())
                .build();
        JacksonJsonHttpMessageConverter converter = new JacksonJsonHttpMessageConverter(strict);
        return builder -> builder.configureMessageConvertersList(converters ->
                converters.replaceAll(each -> each instanceof JacksonJsonHttpMessageConverter ? converter : each));
    }
}
