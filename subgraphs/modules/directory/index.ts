import { PlatformModule } from '../../kernel/module';
import { DirectoryQueries, JurisdictionPlatform, ViewerFields } from './directory.resolver';

/**
 * Where everything is (issue 13), at the region only: the platforms of the three levels, any object
 * by its global id, and the caller. The gateway routes each by type to the level that answers it.
 */
export const directoryModule: PlatformModule = {
  name: 'directory',
  entities: [],
  resolvers: [DirectoryQueries, ViewerFields, JurisdictionPlatform],
};
