package org.smallwins.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Both services' API documents: every operation needs a bearer JWT whose subject is the journal's owner. */
@AutoConfiguration
public class PlatformOpenApiConfiguration {

    @Bean
    OpenAPI smallWinsOpenApi(@Value("${spring.application.name:small-wins}") String name) {
        return new OpenAPI()
                .info(new Info()
                        .title("Small Wins " + name)
                        .description("Every endpoint acts on the caller's own journal (the token's sub). "
                                + "Errors are RFC 9457 problem details.")
                        .version("v1"))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
