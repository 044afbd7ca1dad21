package org.smallwins.apicontract;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every MockMvc a test builds (a {@code @WebMvcTest} slice, or {@code @AutoConfigureMockMvc}) checks each exchange
 * against the committed document of the application under test ({@code api/<spring.application.name>.openapi.json}),
 * imported with {@code AutoConfigureMockMvc}, so no test has to ask for it. {@code smallwins.api.contract.enabled=false}
 * turns it off (for a test that is about something the document does not describe).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "smallwins.api.contract.enabled", matchIfMissing = true)
public class OpenApiValidationAutoConfiguration {

    @Bean
    MockMvcBuilderCustomizer openApiContractCheck(@Value("${spring.application.name}") String service) {
        MockMvcExchanges check = new MockMvcExchanges(OpenApiContract.forService(service));
        return builder -> builder.alwaysDo(check);
    }
}
