package io.statecraft.api.console;

import io.statecraft.api.config.ConditionalOnRole;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The console's page at {@code GET /}. {@code POST /} is the AWS protocol's endpoint, so Spring's
 * welcome page never gets a {@code GET} there (the method mismatch answers 405 first); this mapping
 * sits beside it.
 */
@Controller
@ConditionalOnRole(ConditionalOnRole.Part.API)
class ConsoleController {

  static final String INDEX = "static/index.html";

  @GetMapping("/")
  ResponseEntity<Resource> index() throws NoResourceFoundException {
    Resource page = new ClassPathResource(INDEX);
    if (!page.exists()) {
      throw new NoResourceFoundException(HttpMethod.GET, "index.html");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .body(page);
  }
}
