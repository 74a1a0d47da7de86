package dev.goenvdoctor.report;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/** Writes {@code Optional.empty()} as null (omitted in objects) and a present value as the value itself. */
final class OptionalTypeAdapterFactory implements TypeAdapterFactory {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    if (type.getRawType() != Optional.class) {
      return null;
    }
    Type inner = type.getType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    TypeAdapter<Object> delegate = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(inner));
    return (TypeAdapter<T>) new TypeAdapter<Optional<Object>>() {
      @Override
      public void write(JsonWriter out, Optional<Object> value) throws IOException {
        if (value == null || value.isEmpty()) {
          out.nullValue();
        } else {
          delegate.write(out, value.get());
        }
      }

      @Override
      public Optional<Object> read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return Optional.empty();
        }
        return Optional.ofNullable(delegate.read(in));
      }
    };
  }
}
