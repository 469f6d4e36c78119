package io.statecraft.api.awsjson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JSON as the AWS protocol writes it. */
@Configuration(proxyBeanMethods = false)
class AwsJsonConfiguration {

  /**
   * Like the application's mapper, but timestamps are epoch seconds with milliseconds. Wrapped, so
   * it never stands in for the application's own {@code ObjectMapper} bean.
   */
  @Bean
  ResponseWriter awsJsonResponseWriter(ObjectMapper json) {
    ObjectMapper mapper = json.copy();
    SimpleModule module = new SimpleModule("aws-timestamps");
    module.addSerializer(Instant.class, new EpochSecondsSerializer());
    mapper.registerModule(module);
    return new ResponseWriter(mapper);
  }

  /** Serialises response shapes. */
  record ResponseWriter(ObjectMapper mapper) {}

  /** {@code 1732546800.123}: what the JSON 1.0 protocol calls a timestamp. */
  static final class EpochSecondsSerializer extends StdSerializer<Instant> {

    EpochSecondsSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3).toPlainString());
    }
  }
}
