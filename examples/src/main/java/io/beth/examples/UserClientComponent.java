package io.beth.examples;

import dagger.BindsInstance;
import dagger.Component;
import io.beth.bootstrap.BethClientOptions;
import io.beth.http.HttpClient;

/** The Dagger component of {@link UserClientMain}: the generated client of {@link UserApi}. */
@Component(modules = UserApi_BethClientModule.class)
public interface UserClientComponent {

  /** The typed client, sending with the component's client to the options' base URI. */
  UserApi users();

  /** Makes the component from the client to send with and where to send. */
  @Component.Factory
  interface Factory {
    UserClientComponent create(
        @BindsInstance HttpClient client, @BindsInstance BethClientOptions options);
  }
}
