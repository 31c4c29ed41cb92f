import { PlatformModule } from '../../kernel/module';
import { QualityReport } from './report.entity';
import { PlatformQualityReports, QualityMarks, QualityReportFields, QualityReportMutations } from './graphql/report.resolver';

/**
 * Data quality (数据纠错, 004 art. 45), mounted by every level: anyone using a platform's data reports a
 * wrong or missing value of a record there; readers see it marked under verification; the providing
 * agency answers within the profile's limit (Anhui 002 art. 26: 7 working days, once extended by 7),
 * and a correction is a change of the record, which reflow carries to every copy.
 */
export const qualityModule: PlatformModule = {
  name: 'quality',
  entities: [QualityReport],
  resolvers: [QualityReportMutations, QualityReportFields, QualityMarks, PlatformQualityReports],
  // The public reports on opened data and follows its report by id; the mark is every reader's.
  openToPublic: [
    'Mutation.report{Level}DataQuality',
    'Platform.qualityReport',
    'Platform.qualityReports',
    'RecordField.underVerification',
    'DataQualityReportConnection.*',
    'DataQualityReportEdge.*',
    ...['id', 'resource', 'recordKey', 'item', 'issue', 'statement', 'suggestedValue', 'reporter', 'state', 'filedAt', 'extendedAt', 'extensionReason', 'answeredAt', 'answer', 'correctedValue', 'verification'].map((f) => `DataQualityReport.${f}`),
  ],
};
