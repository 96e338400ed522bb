import type { RuleKey, ScoringRules } from './dutyScoring';

/**
 * Ready presets of the office's scoring table, modelled on published rules (docs/RULES.md Y5): a
 * 100-point year (70 for taking part, a 30-point bonus for results) and a 120-point year (80 + 40).
 * The office starts from one and changes items, caps and thresholds for its year.
 */

type Items = { readonly [K in RuleKey]: readonly [points: number, cap: number | null] };

function itemsOf(table: Items): ScoringRules['items'] {
  return Object.fromEntries(
    Object.entries(table).map(([key, [points, cap]]) => [key, { points, cap }]),
  ) as ScoringRules['items'];
}

const MINIMUM = { plenary: true, submissions: 1, fieldActivities: 1 } as const;

export const PRESET_100: ScoringRules = {
  items: itemsOf({
    attend_plenary: [10, 10],
    attend_standing: [5, 15],
    attend_consultation: [4, 12],
    attend_inspection: [6, 18],
    attend_research: [6, 18],
    attend_group: [3, 12],
    attend_training: [2, 6],
    attend_themed_day: [2, 6],
    attend_public_service: [3, 9],
    attend_studio: [2, 6],
    excused: [-1, null],
    absent: [-5, null],
    proposal_first_filed: [8, 16],
    proposal_cosigned_filed: [3, 9],
    proposal_key: [4, 8],
    proposal_excellent: [10, 10],
    proposal_answer_ab: [2, 6],
    social_info_submitted: [1, 4],
    social_info_city: [3, 9],
    social_info_province: [6, 12],
    social_info_national: [10, 20],
    research_report: [5, 10],
    instruction: [8, 16],
    text_share: [4, 8],
    comments_given: [1, 3],
    reviews_given: [1, 3],
    external: [0, 10],
  }),
  participationCap: 70,
  resultsCap: 30,
  levels: { excellent: 80, competent: 65, basic: 55 },
  minimum: MINIMUM,
};

export const PRESET_120: ScoringRules = {
  items: itemsOf({
    attend_plenary: [12, 12],
    attend_standing: [6, 18],
    attend_consultation: [5, 15],
    attend_inspection: [8, 24],
    attend_research: [8, 24],
    attend_group: [4, 16],
    attend_training: [2, 8],
    attend_themed_day: [2, 8],
    attend_public_service: [4, 12],
    attend_studio: [3, 9],
    excused: [-2, null],
    absent: [-6, null],
    proposal_first_filed: [10, 20],
    proposal_cosigned_filed: [4, 12],
    proposal_key: [5, 10],
    proposal_excellent: [12, 12],
    proposal_answer_ab: [3, 9],
    social_info_submitted: [2, 8],
    social_info_city: [4, 12],
    social_info_province: [8, 16],
    social_info_national: [12, 24],
    research_report: [6, 12],
    instruction: [10, 20],
    text_share: [5, 10],
    comments_given: [1, 4],
    reviews_given: [1, 4],
    external: [0, 12],
  }),
  participationCap: 80,
  resultsCap: 40,
  levels: { excellent: 96, competent: 78, basic: 66 },
  minimum: MINIMUM,
};
